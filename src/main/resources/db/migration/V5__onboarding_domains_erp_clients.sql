-- Onboarding: a company knows its Keycloak Organization and its e-mail domains; a domain belongs to
-- one company only (the uniqueness is what keeps one company's people out of another's organization).
ALTER TABLE company
    ADD COLUMN organization_id VARCHAR(36)  NULL,
    ADD COLUMN onboarded_by    VARCHAR(200) NULL;

CREATE TABLE company_domain (
    company_id  CHAR(36)     NOT NULL,
    domain      VARCHAR(253) NOT NULL,
    PRIMARY KEY (company_id, domain),
    CONSTRAINT uq_company_domain UNIQUE (domain),
    CONSTRAINT fk_company_domain_company FOREIGN KEY (company_id) REFERENCES company (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- ERP service-account clients a company admin made. The secret lives in Keycloak only; a revoked
-- client stays here (and disabled in Keycloak) so that the audit trail keeps naming it.
CREATE TABLE erp_client (
    id                 CHAR(36)     NOT NULL,
    company_id         CHAR(36)     NOT NULL,
    client_id          VARCHAR(100) NOT NULL,
    name               VARCHAR(200) NOT NULL,
    roles              VARCHAR(200) NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    created_by         VARCHAR(200),
    secret_rotated_at  DATETIME(6),
    revoked_at         DATETIME(6),
    revoked_by         VARCHAR(200),
    version            BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_erp_client_client_id UNIQUE (client_id),
    CONSTRAINT fk_erp_client_company FOREIGN KEY (company_id) REFERENCES company (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
