-- The catalogue: agency tree, fields, procedures and the offerings that tie them together.
-- Runs on MySQL 8 and MariaDB 10.6+. Text is utf8mb4 throughout.

CREATE TABLE agency (
  id        BIGINT       NOT NULL AUTO_INCREMENT,
  code      VARCHAR(40)  NOT NULL,
  name      VARCHAR(255) NOT NULL,
  tier      VARCHAR(16)  NOT NULL,
  parent_id BIGINT       NULL,
  address   VARCHAR(500) NULL,
  phone     VARCHAR(50)  NULL,
  email     VARCHAR(255) NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_agency_code UNIQUE (code),
  CONSTRAINT fk_agency_parent FOREIGN KEY (parent_id) REFERENCES agency (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_agency_parent ON agency (parent_id);
CREATE INDEX ix_agency_tier ON agency (tier);

CREATE TABLE field (
  id   BIGINT       NOT NULL AUTO_INCREMENT,
  code VARCHAR(255) NOT NULL,
  name VARCHAR(255) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_field_code UNIQUE (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE catalogue_procedure (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  code           VARCHAR(40)   NOT NULL,
  name           VARCHAR(2000) NOT NULL,
  field_id       BIGINT        NULL,
  national_level TINYINT       NOT NULL DEFAULT 2,
  tiers          VARCHAR(100)  NULL,
  procedure_type VARCHAR(255)  NULL,
  decision_no    VARCHAR(100)  NULL,
  decision_date  DATE          NULL,
  description    MEDIUMTEXT    NULL,
  requirements   MEDIUMTEXT    NULL,
  keywords       VARCHAR(1000) NULL,
  details        MEDIUMTEXT    NULL,
  created_at     DATETIME(3)   NOT NULL,
  updated_at     DATETIME(3)   NOT NULL,
  version        INT           NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uk_procedure_code UNIQUE (code),
  CONSTRAINT fk_procedure_field FOREIGN KEY (field_id) REFERENCES field (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_procedure_field ON catalogue_procedure (field_id);

CREATE TABLE offering (
  id           BIGINT  NOT NULL AUTO_INCREMENT,
  procedure_id BIGINT  NOT NULL,
  agency_id    BIGINT  NOT NULL,
  level        TINYINT NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_offering UNIQUE (procedure_id, agency_id),
  CONSTRAINT fk_offering_procedure FOREIGN KEY (procedure_id) REFERENCES catalogue_procedure (id),
  CONSTRAINT fk_offering_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_offering_agency ON offering (agency_id, level);

-- One row: bumped on every catalogue change, so that each node of a cluster knows when to
-- rebuild its search index.
CREATE TABLE catalogue_state (
  id         TINYINT     NOT NULL,
  revision   BIGINT      NOT NULL,
  changed_at DATETIME(3) NOT NULL,
  PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO catalogue_state (id, revision, changed_at) VALUES (1, 0, CURRENT_TIMESTAMP(3));

-- Accounts for people and systems; passwords are PBKDF2 hashes.
CREATE TABLE account (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  username      VARCHAR(100) NOT NULL,
  password_hash VARCHAR(255) NOT NULL,
  role          VARCHAR(20)  NOT NULL,
  agency_id     BIGINT       NULL,
  full_name     VARCHAR(255) NULL,
  email         VARCHAR(255) NULL,
  enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_account_username UNIQUE (username),
  CONSTRAINT fk_account_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The key pair that signs access tokens, shared by every node.
CREATE TABLE signing_key (
  id          TINYINT     NOT NULL,
  private_key TEXT        NOT NULL,
  public_key  TEXT        NOT NULL,
  created_at  DATETIME(3) NOT NULL,
  PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
