-- The work list shows open dossiers (statuses 1, 2, 4, 5, 6) by default. An agency's list reads
-- them through ix_dossier_worklist (agency_id, status, due_at); a list across every agency (an
-- administrator's) reads them through this one instead of scanning every finished dossier.
CREATE INDEX ix_dossier_status_due ON dossier (status, due_at);
