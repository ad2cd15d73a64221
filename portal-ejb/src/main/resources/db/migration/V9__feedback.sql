-- Feedback and complaints (phản ánh, kiến nghị; docs/feedback.md): what a citizen sends about a
-- procedure, an agency or a dossier, the agency's answer, and the deadlines of each step counted
-- on the working calendar when the feedback was received. The sender's name, e-mail and phone
-- are for the agency's answer only and never published.

CREATE TABLE feedback (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  code          VARCHAR(30)   NOT NULL,
  subject       VARCHAR(10)   NOT NULL,
  agency_id     BIGINT        NOT NULL,
  procedure_id  BIGINT        NULL,
  dossier_id    BIGINT        NULL,
  title         VARCHAR(200)  NOT NULL,
  content       VARCHAR(4000) NOT NULL,
  sender_name   VARCHAR(255)  NULL,
  sender_email  VARCHAR(255)  NOT NULL,
  sender_phone  VARCHAR(30)   NULL,
  sender_account VARCHAR(100) NULL,
  status        VARCHAR(10)   NOT NULL,
  received_at   DATETIME(3)   NOT NULL,
  refuse_by     DATETIME(3)   NOT NULL,
  resolve_by    DATETIME(3)   NOT NULL,
  answered_at   DATETIME(3)   NULL,
  answered_by   VARCHAR(100)  NULL,
  answer        VARCHAR(4000) NULL,
  publish_by    DATETIME(3)   NULL,
  published_at  DATETIME(3)   NULL,
  version       INT           NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uk_feedback_code UNIQUE (code),
  CONSTRAINT fk_feedback_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
  CONSTRAINT fk_feedback_procedure FOREIGN KEY (procedure_id) REFERENCES catalogue_procedure (id),
  CONSTRAINT fk_feedback_dossier FOREIGN KEY (dossier_id) REFERENCES dossier (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_feedback_agency ON feedback (agency_id, status, resolve_by);
CREATE INDEX ix_feedback_published ON feedback (published_at);
