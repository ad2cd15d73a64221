-- The weekly summary mailed to each agency's administrators (docs/satisfaction.md): one row per
-- week and agency, written before the mail is sent, so that each summary goes out once even when
-- several nodes run the weekly task.
CREATE TABLE weekly_summary (
  week_start DATE        NOT NULL,
  agency_id  BIGINT      NOT NULL,
  sent_at    DATETIME(3) NOT NULL,
  recipients INT         NOT NULL,
  PRIMARY KEY (week_start, agency_id),
  CONSTRAINT fk_weekly_summary_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
