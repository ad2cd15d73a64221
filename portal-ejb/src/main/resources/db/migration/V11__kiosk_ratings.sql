-- Ratings given at the counter kiosk (docs/satisfaction.md, "Counter kiosk"): the person just
-- served rates the officer at a desk with one tap, 1 to 5. Each rating counts for the officer
-- who had the kiosk open and for that officer's agency, on the local day it was given. Officers'
-- names are never published: the public figures are per agency.

CREATE TABLE kiosk_rating (
  id        BIGINT       NOT NULL AUTO_INCREMENT,
  agency_id BIGINT       NOT NULL,
  officer   VARCHAR(100) NOT NULL,
  desk      VARCHAR(30)  NOT NULL,
  score     TINYINT      NOT NULL,
  rated_at  DATETIME(3)  NOT NULL,
  rated_on  DATE         NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_kiosk_rating_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
  CONSTRAINT ck_kiosk_rating_score CHECK (score BETWEEN 1 AND 5)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_kiosk_rating_day_agency ON kiosk_rating (rated_on, agency_id);

-- The last rating taken at each desk of an agency: one conditional update of this row decides,
-- on every node at once, whether a tap came too soon after the previous one.
CREATE TABLE kiosk_desk (
  agency_id     BIGINT      NOT NULL,
  desk          VARCHAR(30) NOT NULL,
  last_rated_at DATETIME(3) NOT NULL,
  PRIMARY KEY (agency_id, desk),
  CONSTRAINT fk_kiosk_desk_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
