-- Webhooks: a job may name a URL to be told when it finishes; every delivery attempt is recorded.

ALTER TABLE generation_job
    ADD COLUMN webhook_url    VARCHAR(2000),
    ADD COLUMN webhook_secret VARCHAR(256);

CREATE TABLE webhook_delivery (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id      UUID          NOT NULL REFERENCES generation_job (id),
    attempt     INT           NOT NULL,
    attempted_at TIMESTAMPTZ  NOT NULL,
    url         VARCHAR(2000) NOT NULL,
    status_code INT,
    error       VARCHAR(1000),
    duration_ms BIGINT        NOT NULL
);
CREATE INDEX webhook_delivery_by_job ON webhook_delivery (job_id, attempt);
