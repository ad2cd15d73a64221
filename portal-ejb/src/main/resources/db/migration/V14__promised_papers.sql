-- The dossier components whose paper the applicant of an online submission promised to bring to
-- the counter instead of attaching a scan: component numbers of the e-form, comma-separated. The
-- receipt lists them as promised, next to the files actually received.
ALTER TABLE dossier ADD COLUMN promised_components VARCHAR(500) NULL;
