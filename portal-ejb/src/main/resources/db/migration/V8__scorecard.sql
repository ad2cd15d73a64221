-- The scorecard reads the dossiers accepted in a period (docs/scorecard.md): a range on the
-- moment of acceptance, like the one on the end of processing (ix_dossier_finished).
CREATE INDEX ix_dossier_accepted ON dossier (accepted_at);
