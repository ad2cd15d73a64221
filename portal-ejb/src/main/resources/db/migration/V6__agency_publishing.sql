-- Dossiers published by agencies' own case software (docs/domain.md §4): each step a system
-- reports keeps the system's agency code and its own number for the step, so a batch sent again
-- finds the steps it already stored, and no step is stored twice.

ALTER TABLE dossier_history ADD COLUMN reported_by VARCHAR(40) NULL;
ALTER TABLE dossier_history ADD COLUMN reported_seq INT NULL;

-- NULLs never collide: the portal's own steps are not constrained by it.
ALTER TABLE dossier_history
  ADD CONSTRAINT uk_history_reported UNIQUE (dossier_id, reported_by, reported_seq);
