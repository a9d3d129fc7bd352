-- Document register: documents owned by the member company that registered them, their revisions
-- (never overwritten), and the gap-free number sequences per consortium and prefix.

ALTER TABLE company ADD COLUMN code VARCHAR(6) NULL AFTER alias;

CREATE TABLE document (
    id                 CHAR(36)     NOT NULL,
    consortium_id      CHAR(36)     NOT NULL,
    owner_company_id   CHAR(36)     NOT NULL,
    number             VARCHAR(80)  NOT NULL,
    discipline         VARCHAR(8)   NOT NULL,
    type               VARCHAR(8)   NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    current_revision   VARCHAR(4)   NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    created_by         VARCHAR(64)  NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_document_number UNIQUE (consortium_id, number),
    CONSTRAINT fk_document_consortium FOREIGN KEY (consortium_id) REFERENCES consortium (id),
    CONSTRAINT fk_document_owner FOREIGN KEY (owner_company_id) REFERENCES company (id),
    INDEX ix_document_owner (consortium_id, owner_company_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE document_title (
    document_id  CHAR(36)     NOT NULL,
    lang         VARCHAR(8)   NOT NULL,
    title        VARCHAR(300) NOT NULL,
    PRIMARY KEY (document_id, lang),
    CONSTRAINT fk_document_title FOREIGN KEY (document_id) REFERENCES document (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE document_revision (
    id           CHAR(36)      NOT NULL,
    document_id  CHAR(36)      NOT NULL,
    label        VARCHAR(4)    NOT NULL,
    blob_key     VARCHAR(64)   NOT NULL,
    sha256       CHAR(64)      NOT NULL,
    size         BIGINT        NOT NULL,
    media_type   VARCHAR(200)  NOT NULL,
    file_name    VARCHAR(500)  NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    uploaded_at  DATETIME(6)   NOT NULL,
    uploaded_by  VARCHAR(64)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_document_revision UNIQUE (document_id, label),
    CONSTRAINT fk_document_revision FOREIGN KEY (document_id) REFERENCES document (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE document_sequence (
    consortium_id  CHAR(36)    NOT NULL,
    prefix         VARCHAR(64) NOT NULL,
    last_value     INT         NOT NULL,
    PRIMARY KEY (consortium_id, prefix),
    CONSTRAINT fk_document_sequence FOREIGN KEY (consortium_id) REFERENCES consortium (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
