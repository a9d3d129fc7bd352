-- Requests per API client per minute (issue 13). The count lives here, not in one JVM, so that every
-- replica counts against the same limit. One row per client and minute; rows older than a few minutes
-- are deleted by whichever replica gets to them first.
CREATE TABLE api_rate_window (
    client_key    VARCHAR(100) NOT NULL,
    window_start  BIGINT       NOT NULL,
    hits          BIGINT       NOT NULL,
    PRIMARY KEY (client_key, window_start),
    INDEX ix_api_rate_window_start (window_start)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
