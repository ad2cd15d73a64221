-- Dossiers (hồ sơ) under the one-stop mechanism, their append-only history and the per-unit
-- daily counters behind the dossier codes of Circular 01/2018 Art. 19.

CREATE TABLE dossier (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  code                  VARCHAR(60)   NOT NULL,
  procedure_id          BIGINT        NOT NULL,
  receiving_agency_id   BIGINT        NOT NULL,
  agency_id             BIGINT        NOT NULL,
  channel               VARCHAR(10)   NOT NULL,
  status                TINYINT       NOT NULL,
  status_before_request TINYINT       NULL,
  applicant_type        VARCHAR(10)   NOT NULL,
  applicant_name        VARCHAR(255)  NOT NULL,
  applicant_id_number   VARCHAR(20)   NOT NULL,
  applicant_phone       VARCHAR(30)   NULL,
  applicant_email       VARCHAR(255)  NULL,
  applicant_address     VARCHAR(500)  NULL,
  owner_id              BIGINT        NULL,
  form                  MEDIUMTEXT    NULL,
  received_at           DATETIME(3)   NOT NULL,
  accepted_at           DATETIME(3)   NULL,
  due_at                DATETIME(3)   NULL,
  paused_at             DATETIME(3)   NULL,
  finished_at           DATETIME(3)   NULL,
  supplement_requests   INT           NOT NULL DEFAULT 0,
  version               INT           NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uk_dossier_code UNIQUE (code),
  CONSTRAINT fk_dossier_procedure FOREIGN KEY (procedure_id) REFERENCES catalogue_procedure (id),
  CONSTRAINT fk_dossier_receiving FOREIGN KEY (receiving_agency_id) REFERENCES agency (id),
  CONSTRAINT fk_dossier_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
  CONSTRAINT fk_dossier_owner FOREIGN KEY (owner_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_dossier_worklist ON dossier (agency_id, status, due_at);
CREATE INDEX ix_dossier_owner ON dossier (owner_id, received_at);

-- Append-only: rows are inserted, never updated or deleted.
CREATE TABLE dossier_history (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  dossier_id  BIGINT        NOT NULL,
  seq         INT           NOT NULL,
  action      VARCHAR(30)   NOT NULL,
  from_status TINYINT       NULL,
  to_status   TINYINT       NOT NULL,
  at          DATETIME(3)   NOT NULL,
  actor       VARCHAR(100)  NOT NULL,
  unit_code   VARCHAR(40)   NULL,
  note        VARCHAR(2000) NULL,
  due_at      DATETIME(3)   NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_history_step UNIQUE (dossier_id, seq),
  CONSTRAINT fk_history_dossier FOREIGN KEY (dossier_id) REFERENCES dossier (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One counter per receiving unit per day; incremented under a row lock.
CREATE TABLE dossier_counter (
  unit_code VARCHAR(40) NOT NULL,
  day       DATE        NOT NULL,
  last_seq  INT         NOT NULL,
  PRIMARY KEY (unit_code, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
