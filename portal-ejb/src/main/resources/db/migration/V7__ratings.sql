-- Applicants' ratings of a finished dossier (docs/satisfaction.md): the five SIPAS elements, each
-- 1 to 5, and an optional comment shown to the agency only. One rating per dossier: the unique
-- key decides between two concurrent posts. The agency and procedure are those of the dossier
-- when it was rated (the agency that finished it), and the local day of the rating is kept for
-- the satisfaction index of a period.

CREATE TABLE dossier_rating (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  dossier_id      BIGINT        NOT NULL,
  agency_id       BIGINT        NOT NULL,
  procedure_id    BIGINT        NOT NULL,
  rated_at        DATETIME(3)   NOT NULL,
  rated_on        DATE          NOT NULL,
  rated_through   VARCHAR(10)   NOT NULL,
  score_access    TINYINT       NOT NULL,
  score_procedure TINYINT       NOT NULL,
  score_officer   TINYINT       NOT NULL,
  score_result    TINYINT       NOT NULL,
  score_feedback  TINYINT       NOT NULL,
  comment         VARCHAR(2000) NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_rating_dossier UNIQUE (dossier_id),
  CONSTRAINT fk_rating_dossier FOREIGN KEY (dossier_id) REFERENCES dossier (id),
  CONSTRAINT fk_rating_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
  CONSTRAINT fk_rating_procedure FOREIGN KEY (procedure_id) REFERENCES catalogue_procedure (id),
  CONSTRAINT ck_rating_scores CHECK (score_access BETWEEN 1 AND 5 AND score_procedure BETWEEN 1 AND 5
    AND score_officer BETWEEN 1 AND 5 AND score_result BETWEEN 1 AND 5
    AND score_feedback BETWEEN 1 AND 5)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_rating_day_agency ON dossier_rating (rated_on, agency_id);
