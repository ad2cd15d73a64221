-- Dossier files (papers of the dossier components and result documents) and online payments.
-- File contents live on disk under <portal.data.dir>/files by storage_key; rows keep what they are.

CREATE TABLE dossier_file (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  dossier_id     BIGINT        NOT NULL,
  kind           VARCHAR(10)   NOT NULL,
  component_no   INT           NULL,
  component_name VARCHAR(1000) NULL,
  file_name      VARCHAR(255)  NOT NULL,
  content_type   VARCHAR(100)  NOT NULL,
  size_bytes     BIGINT        NOT NULL,
  sha256         CHAR(64)      NOT NULL,
  storage_key    VARCHAR(64)   NOT NULL,
  uploaded_at    DATETIME(3)   NOT NULL,
  uploaded_by    VARCHAR(100)  NOT NULL,
  linked_at      DATETIME(3)   NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_dossier_file_key UNIQUE (storage_key),
  CONSTRAINT fk_dossier_file_dossier FOREIGN KEY (dossier_id) REFERENCES dossier (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_dossier_file_dossier ON dossier_file (dossier_id, kind);

-- The amount (VND) the last payment request asked for.
ALTER TABLE dossier ADD COLUMN payment_amount BIGINT NULL;

CREATE TABLE payment (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  dossier_id   BIGINT       NOT NULL,
  amount       BIGINT       NOT NULL,
  currency     CHAR(3)      NOT NULL,
  provider     VARCHAR(20)  NOT NULL,
  reference    VARCHAR(64)  NOT NULL,
  redirect_url VARCHAR(500) NOT NULL,
  status       VARCHAR(10)  NOT NULL,
  requested_by VARCHAR(100) NOT NULL,
  created_at   DATETIME(3)  NOT NULL,
  completed_at DATETIME(3)  NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_payment_reference UNIQUE (provider, reference),
  CONSTRAINT fk_payment_dossier FOREIGN KEY (dossier_id) REFERENCES dossier (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_payment_dossier ON payment (dossier_id, status);

-- Keys that sign payment providers' callbacks when not given in configuration (the sandbox's).
CREATE TABLE payment_secret (
  provider   VARCHAR(20)  NOT NULL,
  secret     VARCHAR(128) NOT NULL,
  created_at DATETIME(3)  NOT NULL,
  PRIMARY KEY (provider)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
