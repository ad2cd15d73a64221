-- Accounts that citizens create themselves (docs/api.md, docs/eforms.md): a registration waits here, with
-- the hash of the one-time code e-mailed to the person, until the code is given back. Only then
-- is the account created, with the role APPLICANT. Nothing of an unverified registration ever
-- reaches the account table; expired rows are deleted by the next registration.

CREATE TABLE account_registration (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  token         CHAR(32)     NOT NULL,
  username      VARCHAR(100) NOT NULL,
  email         VARCHAR(255) NOT NULL,
  phone         VARCHAR(30)  NULL,
  full_name     VARCHAR(255) NOT NULL,
  password_hash VARCHAR(255) NOT NULL,
  code_hash     CHAR(64)     NOT NULL,
  language      VARCHAR(5)   NOT NULL,
  attempts      INT          NOT NULL DEFAULT 0,
  sends         INT          NOT NULL DEFAULT 1,
  created_at    DATETIME(3)  NOT NULL,
  sent_at       DATETIME(3)  NOT NULL,
  expires_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_account_registration_token UNIQUE (token)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_account_registration_expires ON account_registration (expires_at);

-- The phone number a citizen gave when registering: a contact, prefilled on their dossiers.
ALTER TABLE account ADD COLUMN phone VARCHAR(30) NULL;
