-- What publication needs: each finished dossier's timeliness kept with it, the agency that
-- handles a dossier after each step of its history (so a transferred dossier counts where it was
-- finished), and the statistics figures kept up to date in the same transaction as every status
-- change, per day and per month, agency and procedure (docs/statistics.md).

-- EARLY, ON_TIME or LATE from the first end of processing of an accepted dossier; NULL otherwise.
ALTER TABLE dossier ADD COLUMN outcome VARCHAR(10) NULL;

UPDATE dossier SET outcome = CASE
    WHEN supplement_requests > 1 THEN 'LATE'
    WHEN due_at IS NULL THEN 'ON_TIME'
    WHEN DATE(CONVERT_TZ(finished_at, '+00:00', '+07:00'))
         < DATE(CONVERT_TZ(due_at, '+00:00', '+07:00')) THEN 'EARLY'
    WHEN DATE(CONVERT_TZ(finished_at, '+00:00', '+07:00'))
         = DATE(CONVERT_TZ(due_at, '+00:00', '+07:00')) THEN 'ON_TIME'
    ELSE 'LATE' END
  WHERE finished_at IS NOT NULL AND accepted_at IS NOT NULL AND status <> 7;

CREATE INDEX ix_dossier_finished ON dossier (finished_at);
CREATE INDEX ix_dossier_agency_finished ON dossier (agency_id, finished_at);

-- The agency handling the dossier once the step was taken.
ALTER TABLE dossier_history ADD COLUMN agency_id BIGINT NULL;

UPDATE dossier_history h JOIN dossier d ON d.id = h.dossier_id
  SET h.agency_id = d.receiving_agency_id;

-- A transfer's note ends with "→ <target agency code>".
UPDATE dossier_history h JOIN agency a
    ON a.code = TRIM(SUBSTRING_INDEX(h.note, '→', -1))
  SET h.agency_id = a.id
  WHERE h.action = 'TRANSFER';

-- Steps after a transfer belong to the agency of the latest transfer before them.
UPDATE dossier_history h JOIN (
    SELECT s.id AS step_id,
           (SELECT t.agency_id FROM dossier_history t
             WHERE t.dossier_id = s.dossier_id AND t.action = 'TRANSFER' AND t.seq < s.seq
             ORDER BY t.seq DESC LIMIT 1) AS transferred_to
      FROM dossier_history s
     WHERE s.action <> 'TRANSFER'
       AND EXISTS (SELECT 1 FROM dossier_history x
                    WHERE x.dossier_id = s.dossier_id AND x.action = 'TRANSFER' AND x.seq < s.seq)
  ) later ON later.step_id = h.id
  SET h.agency_id = later.transferred_to
  WHERE later.transferred_to IS NOT NULL;

-- Statistics kept per day and per month (the first day of the month). Flows on that day or in
-- that month: dossiers received (online; counter and post), transferred in and out, resolved
-- early, on time or late, withdrawn after acceptance; and overdue_change, the change in the
-- number of dossiers in progress past their appointment date. Figures at the end of any day are
-- sums of the flows up to it, so a period costs the same however many dossiers there are.
CREATE TABLE dossier_stat_day (
  day              DATE    NOT NULL,
  agency_id        BIGINT  NOT NULL,
  procedure_id     BIGINT  NOT NULL,
  received_online  INT     NOT NULL DEFAULT 0,
  received_offline INT     NOT NULL DEFAULT 0,
  transferred_in   INT     NOT NULL DEFAULT 0,
  transferred_out  INT     NOT NULL DEFAULT 0,
  resolved_early   INT     NOT NULL DEFAULT 0,
  resolved_on_time INT     NOT NULL DEFAULT 0,
  resolved_late    INT     NOT NULL DEFAULT 0,
  withdrawn        INT     NOT NULL DEFAULT 0,
  overdue_change   INT     NOT NULL DEFAULT 0,
  PRIMARY KEY (day, agency_id, procedure_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE dossier_stat_month (
  month            DATE    NOT NULL,
  agency_id        BIGINT  NOT NULL,
  procedure_id     BIGINT  NOT NULL,
  received_online  INT     NOT NULL DEFAULT 0,
  received_offline INT     NOT NULL DEFAULT 0,
  transferred_in   INT     NOT NULL DEFAULT 0,
  transferred_out  INT     NOT NULL DEFAULT 0,
  resolved_early   INT     NOT NULL DEFAULT 0,
  resolved_on_time INT     NOT NULL DEFAULT 0,
  resolved_late    INT     NOT NULL DEFAULT 0,
  withdrawn        INT     NOT NULL DEFAULT 0,
  overdue_change   INT     NOT NULL DEFAULT 0,
  PRIMARY KEY (month, agency_id, procedure_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
