-- Who changed what an administrator may change (accounts, catalogue, calendar, search dictionary,
-- operations), and when: one row per accepted change, written after it.
CREATE TABLE admin_audit (
  id      BIGINT        NOT NULL AUTO_INCREMENT,
  at      DATETIME(3)   NOT NULL,
  actor   VARCHAR(254)  NOT NULL,
  area    VARCHAR(30)   NOT NULL,
  action  VARCHAR(10)   NOT NULL,
  target  VARCHAR(500)  NOT NULL,
  status  SMALLINT      NOT NULL,
  PRIMARY KEY (id),
  KEY ix_admin_audit_at (at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
