-- Companies are the tenants; company_id in every company-owned table refers to company.id.
-- Times are UTC in DATETIME(6) (the JDBC session runs in UTC, so nothing is converted on the way).

CREATE TABLE company (
    id          CHAR(36)    NOT NULL,
    alias       VARCHAR(63) NOT NULL,
    kind        VARCHAR(32) NOT NULL,
    country     CHAR(2)     NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    version     BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_company_alias UNIQUE (alias)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE company_name (
    company_id  CHAR(36)     NOT NULL,
    lang        VARCHAR(8)   NOT NULL,
    name        VARCHAR(255) NOT NULL,
    PRIMARY KEY (company_id, lang),
    CONSTRAINT fk_company_name_company FOREIGN KEY (company_id) REFERENCES company (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE user_preferences (
    user_id     VARCHAR(64) NOT NULL,
    company_id  CHAR(36)    NOT NULL,
    language    VARCHAR(8)  NOT NULL,
    time_zone   VARCHAR(64) NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    version     BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id),
    CONSTRAINT fk_user_preferences_company FOREIGN KEY (company_id) REFERENCES company (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE idempotent_request (
    id                 CHAR(36)      NOT NULL,
    company_id         CHAR(36)      NOT NULL,
    idempotency_key    VARCHAR(255)  NOT NULL,
    fingerprint        CHAR(64)      NOT NULL,
    response_status    INT           NOT NULL,
    response_location  VARCHAR(2048),
    response_body      MEDIUMTEXT,
    created_at         DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_idempotent_request_key UNIQUE (company_id, idempotency_key),
    CONSTRAINT fk_idempotent_request_company FOREIGN KEY (company_id) REFERENCES company (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
