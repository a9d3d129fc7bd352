-- Tenders, consortia with their memberships (invitations), allocation versions, and the audit trail.

CREATE TABLE opportunity (
    id                  CHAR(36)      NOT NULL,
    owner_company_id    CHAR(36)      NOT NULL,
    title               VARCHAR(300)  NOT NULL,
    country             CHAR(2)       NOT NULL,
    sector              VARCHAR(32)   NOT NULL,
    employer            VARCHAR(200)  NOT NULL,
    estimated_amount    DECIMAL(24,2),
    estimated_currency  CHAR(3),
    procurement_method  VARCHAR(40)   NOT NULL,
    bid_due_at          DATETIME(6)   NOT NULL,
    time_zone           VARCHAR(64)   NOT NULL,
    stage               VARCHAR(32)   NOT NULL,
    decision            VARCHAR(8),
    decision_reasons    TEXT,
    decided_by_id       VARCHAR(64),
    decided_by_name     VARCHAR(200),
    decided_at          DATETIME(6),
    created_at          DATETIME(6)   NOT NULL,
    created_by          VARCHAR(64)   NOT NULL,
    version             BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_opportunity_owner FOREIGN KEY (owner_company_id) REFERENCES company (id),
    INDEX ix_opportunity_owner (owner_company_id, bid_due_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE opportunity_funding (
    opportunity_id  CHAR(36)    NOT NULL,
    source          VARCHAR(16) NOT NULL,
    PRIMARY KEY (opportunity_id, source),
    CONSTRAINT fk_opportunity_funding FOREIGN KEY (opportunity_id) REFERENCES opportunity (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE consortium (
    id                 CHAR(36)     NOT NULL,
    opportunity_id     CHAR(36)     NOT NULL,
    name               VARCHAR(200) NOT NULL,
    code               VARCHAR(8)   NOT NULL,
    leader_company_id  CHAR(36)     NOT NULL,
    agreement_status   VARCHAR(40)  NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    created_by         VARCHAR(64)  NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_consortium_opportunity UNIQUE (opportunity_id),
    CONSTRAINT uq_consortium_leader_code UNIQUE (leader_company_id, code),
    CONSTRAINT fk_consortium_opportunity FOREIGN KEY (opportunity_id) REFERENCES opportunity (id),
    CONSTRAINT fk_consortium_leader FOREIGN KEY (leader_company_id) REFERENCES company (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE membership (
    id             CHAR(36)    NOT NULL,
    consortium_id  CHAR(36)    NOT NULL,
    company_id     CHAR(36)    NOT NULL,
    company_alias  VARCHAR(63) NOT NULL,
    status         VARCHAR(16) NOT NULL,
    invited_at     DATETIME(6) NOT NULL,
    invited_by     VARCHAR(64) NOT NULL,
    responded_at   DATETIME(6),
    responded_by   VARCHAR(64),
    version        BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_membership_company UNIQUE (consortium_id, company_id),
    CONSTRAINT fk_membership_consortium FOREIGN KEY (consortium_id) REFERENCES consortium (id),
    CONSTRAINT fk_membership_company FOREIGN KEY (company_id) REFERENCES company (id),
    INDEX ix_membership_company_status (company_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE membership_role (
    membership_id  CHAR(36)    NOT NULL,
    role           VARCHAR(32) NOT NULL,
    PRIMARY KEY (membership_id, role),
    CONSTRAINT fk_membership_role FOREIGN KEY (membership_id) REFERENCES membership (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE allocation_version (
    id               CHAR(36)     NOT NULL,
    consortium_id    CHAR(36)     NOT NULL,
    version          INT          NOT NULL,
    document         MEDIUMTEXT   NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    created_by_id    VARCHAR(64)  NOT NULL,
    created_by_name  VARCHAR(200),
    PRIMARY KEY (id),
    CONSTRAINT uq_allocation_version UNIQUE (consortium_id, version),
    CONSTRAINT fk_allocation_consortium FOREIGN KEY (consortium_id) REFERENCES consortium (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Append-only: the application never updates or deletes these rows.
CREATE TABLE audit_event (
    id             CHAR(36)     NOT NULL,
    consortium_id  CHAR(36),
    company_id     CHAR(36)     NOT NULL,
    company_alias  VARCHAR(63)  NOT NULL,
    actor_id       VARCHAR(64)  NOT NULL,
    actor_name     VARCHAR(200),
    occurred_at    DATETIME(6)  NOT NULL,
    action         VARCHAR(64)  NOT NULL,
    subject_type   VARCHAR(32)  NOT NULL,
    subject_id     VARCHAR(80)  NOT NULL,
    summary        TEXT,
    PRIMARY KEY (id),
    INDEX ix_audit_consortium (consortium_id, occurred_at),
    INDEX ix_audit_subject (subject_type, subject_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
