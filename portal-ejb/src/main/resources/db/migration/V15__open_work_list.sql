-- The work list shows open dossiers (statuses 1, 2, 4, 5, 6) by default, most urgent first: an
-- order computed from status, due_at and received_at, which no index can give directly. The list
-- sorts the ids of the matching rows, then reads the page's rows: with received_at in the index,
-- that sort reads the index alone (an agency's open dossiers, however many finished ones the table
-- holds), instead of every full row.
ALTER TABLE dossier DROP INDEX ix_dossier_worklist,
  ADD INDEX ix_dossier_worklist (agency_id, status, due_at, received_at);
-- The same for a list across every agency (an administrator's).
CREATE INDEX ix_dossier_status_due ON dossier (status, due_at, received_at);
