-- People known to Kakehashi (learned from their tokens when they sign in, so that they can be named
-- as reviewers and told by e-mail), transmittals that make document revisions visible to other
-- member companies, and review workflows on revisions.

CREATE TABLE person (
    user_id     VARCHAR(64)  NOT NULL,
    company_id  CHAR(36)     NOT NULL,
    email       VARCHAR(320) NOT NULL,
    name        VARCHAR(300) NOT NULL,
    roles       VARCHAR(200) NOT NULL,
    seen_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (user_id),
    CONSTRAINT uq_person_email UNIQUE (email),
    CONSTRAINT fk_person_company FOREIGN KEY (company_id) REFERENCES company (id),
    INDEX ix_person_company (company_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE transmittal (
    id                 CHAR(36)      NOT NULL,
    consortium_id      CHAR(36)      NOT NULL,
    number             VARCHAR(40)   NOT NULL,
    sender_company_id  CHAR(36)      NOT NULL,
    purpose            VARCHAR(16)   NOT NULL,
    message            VARCHAR(4000) NOT NULL,
    due_at             DATETIME(6)   NULL,
    sent_at            DATETIME(6)   NOT NULL,
    sent_by            VARCHAR(64)   NOT NULL,
    version            BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_transmittal_number UNIQUE (consortium_id, number),
    CONSTRAINT fk_transmittal_consortium FOREIGN KEY (consortium_id) REFERENCES consortium (id),
    CONSTRAINT fk_transmittal_sender FOREIGN KEY (sender_company_id) REFERENCES company (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE transmittal_recipient (
    transmittal_id   CHAR(36)    NOT NULL,
    company_id       CHAR(36)    NOT NULL,
    acknowledged_at  DATETIME(6) NULL,
    acknowledged_by  VARCHAR(64) NULL,
    PRIMARY KEY (transmittal_id, company_id),
    CONSTRAINT fk_transmittal_recipient FOREIGN KEY (transmittal_id) REFERENCES transmittal (id),
    CONSTRAINT fk_transmittal_recipient_company FOREIGN KEY (company_id) REFERENCES company (id),
    INDEX ix_transmittal_recipient_company (company_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE transmittal_item (
    transmittal_id  CHAR(36)   NOT NULL,
    document_id     CHAR(36)   NOT NULL,
    revision        VARCHAR(4) NOT NULL,
    PRIMARY KEY (transmittal_id, document_id, revision),
    CONSTRAINT fk_transmittal_item FOREIGN KEY (transmittal_id) REFERENCES transmittal (id),
    CONSTRAINT fk_transmittal_item_document FOREIGN KEY (document_id) REFERENCES document (id),
    INDEX ix_transmittal_item_document (document_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE review (
    id             CHAR(36)    NOT NULL,
    consortium_id  CHAR(36)    NOT NULL,
    document_id    CHAR(36)    NOT NULL,
    revision       VARCHAR(4)  NOT NULL,
    status         VARCHAR(16) NOT NULL,
    current_step   INT         NOT NULL,
    started_at     DATETIME(6) NOT NULL,
    started_by     VARCHAR(64) NOT NULL,
    finished_at    DATETIME(6) NULL,
    version        BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_review_document FOREIGN KEY (document_id) REFERENCES document (id),
    CONSTRAINT fk_review_consortium FOREIGN KEY (consortium_id) REFERENCES consortium (id),
    INDEX ix_review_document (document_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE review_step (
    id            CHAR(36)    NOT NULL,
    review_id     CHAR(36)    NOT NULL,
    position      INT         NOT NULL,
    due_at        DATETIME(6) NOT NULL,
    completed_at  DATETIME(6) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_review_step UNIQUE (review_id, position),
    CONSTRAINT fk_review_step FOREIGN KEY (review_id) REFERENCES review (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE review_assignment (
    id                   CHAR(36)      NOT NULL,
    step_id              CHAR(36)      NOT NULL,
    reviewer_user_id     VARCHAR(64)   NOT NULL,
    reviewer_company_id  CHAR(36)      NOT NULL,
    decision             VARCHAR(32)   NULL,
    comment              VARCHAR(4000) NULL,
    decided_at           DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_review_assignment UNIQUE (step_id, reviewer_user_id),
    CONSTRAINT fk_review_assignment FOREIGN KEY (step_id) REFERENCES review_step (id),
    CONSTRAINT fk_review_assignment_company FOREIGN KEY (reviewer_company_id) REFERENCES company (id),
    INDEX ix_review_assignment_reviewer (reviewer_user_id, decision)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
