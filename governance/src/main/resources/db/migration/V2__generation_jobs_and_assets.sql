-- Generation jobs and the assets they produce (see ARCHITECTURE.md, "The generation flow").

CREATE TABLE generation_job (
    id               UUID          PRIMARY KEY,
    workspace_id     BIGINT        NOT NULL REFERENCES workspace (id),
    requester        VARCHAR(255)  NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    spec             TEXT          NOT NULL,
    seed             BIGINT        NOT NULL,
    idempotency_key  VARCHAR(128),
    created_at       TIMESTAMPTZ   NOT NULL,
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ,
    attempts         INT           NOT NULL DEFAULT 0,
    failure          VARCHAR(2000),
    gpu_millis       BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT generation_job_state_known
        CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    -- A retried POST with the same key returns the first job instead of creating a second one.
    CONSTRAINT generation_job_idempotent UNIQUE (workspace_id, requester, idempotency_key)
);
CREATE INDEX generation_job_by_state ON generation_job (state, created_at);

CREATE TABLE asset (
    id             UUID          PRIMARY KEY,
    workspace_id   BIGINT        NOT NULL REFERENCES workspace (id),
    job_id         UUID          NOT NULL REFERENCES generation_job (id),
    position       INT           NOT NULL,
    model          VARCHAR(64)   NOT NULL,
    model_version  VARCHAR(64)   NOT NULL,
    loras          TEXT          NOT NULL,
    seed           BIGINT        NOT NULL,
    parameters     TEXT          NOT NULL,
    prompt         TEXT          NOT NULL,
    requester      VARCHAR(255)  NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL,
    state          VARCHAR(24)   NOT NULL,
    blocked_reason VARCHAR(1000),
    content_hash   CHAR(64)      NOT NULL,
    media_type     VARCHAR(64)   NOT NULL,
    width          INT           NOT NULL,
    height         INT           NOT NULL,
    -- Redelivery of a job never makes a second asset for the same image.
    CONSTRAINT asset_once_per_job_image UNIQUE (job_id, model, position),
    CONSTRAINT asset_state_known CHECK (state IN ('GENERATED', 'BLOCKED'))
);
CREATE INDEX asset_by_workspace_time ON asset (workspace_id, created_at DESC);

CREATE TABLE asset_tag (
    asset_id UUID        NOT NULL REFERENCES asset (id),
    tag      VARCHAR(64) NOT NULL,
    PRIMARY KEY (asset_id, tag)
);
CREATE INDEX asset_tag_by_tag ON asset_tag (tag);
