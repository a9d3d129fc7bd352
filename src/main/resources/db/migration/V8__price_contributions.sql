-- Sealed price contributions (issue 14). One contribution per member company and consortium; every saved
-- version is kept. Lines and notes, and the salt of a seal, are stored AES-256-GCM encrypted
-- (<key id>:<base64>), so that a dump of these tables alone shows no price.
CREATE TABLE price_contribution (
    id              CHAR(36)     NOT NULL,
    consortium_id   CHAR(36)     NOT NULL,
    company_id      CHAR(36)     NOT NULL,
    current_version INT          NOT NULL,
    sealed_version  INT          NULL,
    sealed_at       DATETIME(6)  NULL,
    commitment      CHAR(64)     NULL,
    row_version     BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_price_contribution UNIQUE (consortium_id, company_id),
    CONSTRAINT fk_price_contribution_consortium FOREIGN KEY (consortium_id) REFERENCES consortium (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE price_contribution_version (
    id               CHAR(36)     NOT NULL,
    contribution_id  CHAR(36)     NOT NULL,
    number           INT          NOT NULL,
    sealed_content   MEDIUMTEXT   NOT NULL,
    sealed_salt      VARCHAR(200) NULL,
    commitment       CHAR(64)     NULL,
    sealed_at        DATETIME(6)  NULL,
    saved_at         DATETIME(6)  NOT NULL,
    saved_by_id      VARCHAR(64)  NOT NULL,
    saved_by_name    VARCHAR(200) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_price_contribution_version UNIQUE (contribution_id, number),
    CONSTRAINT fk_price_contribution_version FOREIGN KEY (contribution_id) REFERENCES price_contribution (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The price opening of a consortium: when the sealed prices open to the leader's bid managers, the bid
-- currency, and the exchange rates the consolidation uses (JSON: {"JPY": "0.00671", …}, units of the bid
-- currency per unit of each other currency).
CREATE TABLE price_opening (
    consortium_id  CHAR(36)     NOT NULL,
    opens_at       DATETIME(6)  NOT NULL,
    bid_currency   CHAR(3)      NOT NULL,
    rates          TEXT         NOT NULL,
    rates_as_of    DATE         NULL,
    rates_source   VARCHAR(300) NULL,
    set_at         DATETIME(6)  NOT NULL,
    set_by_name    VARCHAR(200) NULL,
    row_version    BIGINT       NOT NULL,
    PRIMARY KEY (consortium_id),
    CONSTRAINT fk_price_opening_consortium FOREIGN KEY (consortium_id) REFERENCES consortium (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
