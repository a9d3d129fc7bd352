-- An Idempotency-Key belongs to the caller who used it (a person or an ERP client), not to the whole
-- company, and remembers the id of what it created so that a replay can check it is still visible.
-- Keys made before this version have no caller: they are simply forgotten.
DELETE FROM idempotent_request;

ALTER TABLE idempotent_request
    ADD COLUMN caller_id   VARCHAR(64) NOT NULL AFTER company_id,
    ADD COLUMN resource_id VARCHAR(64) NULL AFTER response_body,
    DROP INDEX uq_idempotent_request_key,
    ADD CONSTRAINT uq_idempotent_request_key UNIQUE (company_id, caller_id, idempotency_key),
    ADD INDEX ix_idempotent_request_created (created_at);
