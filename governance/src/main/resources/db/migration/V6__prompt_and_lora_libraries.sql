-- The shared prompt library and the governed LoRA library (see docs/libraries.md).

-- A prompt template is a name and a stack of immutable versions; only latest_version and the search columns move.
CREATE TABLE prompt_template (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id   BIGINT        NOT NULL REFERENCES workspace (id),
    name           VARCHAR(120)  NOT NULL,
    latest_version INT           NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL,
    created_by     VARCHAR(255)  NOT NULL,
    updated_at     TIMESTAMPTZ   NOT NULL,
    -- how often generations used any version of it (PromptTemplates.recordUse); the uses themselves are below
    use_count      BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT prompt_template_name_unique UNIQUE (workspace_id, name)
);

CREATE TABLE prompt_template_version (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    template_id      BIGINT        NOT NULL REFERENCES prompt_template (id),
    version          INT           NOT NULL,
    name             VARCHAR(120)  NOT NULL,
    text             TEXT          NOT NULL,
    negative_prompt  TEXT          NOT NULL,
    default_model    VARCHAR(64),
    steps            INT,
    guidance         REAL,
    width            INT,
    height           INT,
    tags             VARCHAR(1000) NOT NULL,
    author           VARCHAR(255)  NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL,
    rolled_back_from INT,
    CONSTRAINT prompt_template_version_once UNIQUE (template_id, version),
    CONSTRAINT prompt_template_version_positive CHECK (version >= 1)
);

-- The current version's tags, for search; each version keeps its own copy in prompt_template_version.tags.
CREATE TABLE prompt_template_tag (
    template_id BIGINT      NOT NULL REFERENCES prompt_template (id),
    tag         VARCHAR(64) NOT NULL,
    PRIMARY KEY (template_id, tag)
);
CREATE INDEX prompt_template_tag_by_tag ON prompt_template_tag (tag);

CREATE TABLE prompt_template_use (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version_id  BIGINT      NOT NULL REFERENCES prompt_template_version (id),
    job_id      UUID,
    used_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX prompt_template_use_by_version ON prompt_template_use (version_id);

-- A LoRA adapter belongs to a workspace; an admin may share it with every workspace (shared = true).
CREATE TABLE lora_adapter (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id BIGINT        NOT NULL REFERENCES workspace (id),
    name         VARCHAR(100)  NOT NULL,
    trigger_word VARCHAR(100)  NOT NULL,
    family       VARCHAR(16)   NOT NULL,
    description  VARCHAR(2000) NOT NULL DEFAULT '',
    shared       BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at   TIMESTAMPTZ   NOT NULL,
    created_by   VARCHAR(255)  NOT NULL,
    -- kept by LoraLibrary from lora_rating and lora_use, so that lists sort without aggregating
    rating_count   INT    NOT NULL DEFAULT 0,
    rating_average REAL   NOT NULL DEFAULT 0,
    use_count      BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT lora_adapter_name_unique UNIQUE (workspace_id, name),
    CONSTRAINT lora_adapter_family_known CHECK (family IN ('flux2', 'sdxl', 'sd35'))
);
-- A shared name must resolve to one adapter in every workspace.
CREATE UNIQUE INDEX lora_adapter_shared_name_unique ON lora_adapter (name) WHERE shared;

CREATE TABLE lora_version (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    adapter_id      BIGINT        NOT NULL REFERENCES lora_adapter (id),
    version         INT           NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    content_hash    CHAR(64)      NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    rank            INT           NOT NULL,
    layer_count     INT           NOT NULL,
    key_format      VARCHAR(16)   NOT NULL,
    dataset_size    INT,
    training_steps  INT,
    trained_by      VARCHAR(255),
    training_run_id UUID,
    uploaded_by     VARCHAR(255)  NOT NULL,
    uploaded_at     TIMESTAMPTZ   NOT NULL,
    published_by    VARCHAR(255),
    published_at    TIMESTAMPTZ,
    deprecated_by   VARCHAR(255),
    deprecated_at   TIMESTAMPTZ,
    CONSTRAINT lora_version_once UNIQUE (adapter_id, version),
    CONSTRAINT lora_version_state_known CHECK (state IN ('DRAFT', 'PUBLISHED', 'DEPRECATED')),
    CONSTRAINT lora_version_rank_positive CHECK (rank >= 1)
);

-- One rating per member and adapter, updatable; model says which base model it was judged on (optional).
CREATE TABLE lora_rating (
    adapter_id BIGINT       NOT NULL REFERENCES lora_adapter (id),
    user_id    VARCHAR(255) NOT NULL,
    stars      INT          NOT NULL,
    model      VARCHAR(64),
    rated_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (adapter_id, user_id),
    CONSTRAINT lora_rating_stars CHECK (stars BETWEEN 1 AND 5)
);

CREATE TABLE lora_comment (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    adapter_id BIGINT        NOT NULL REFERENCES lora_adapter (id),
    author     VARCHAR(255)  NOT NULL,
    body       VARCHAR(4000) NOT NULL,
    created_at TIMESTAMPTZ   NOT NULL
);
CREATE INDEX lora_comment_by_adapter ON lora_comment (adapter_id, created_at);

-- Filled by LoraLibrary.recordUse, which the generation flow calls once per image made with the adapter.
CREATE TABLE lora_use (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version_id BIGINT      NOT NULL REFERENCES lora_version (id),
    model      VARCHAR(64) NOT NULL,
    job_id     UUID,
    asset_id   UUID,
    used_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX lora_use_by_version ON lora_use (version_id, used_at DESC);

-- Training a LoRA from reference images (phase 2); the images live in the asset store.
CREATE TABLE lora_training_run (
    id             UUID          PRIMARY KEY,
    adapter_id     BIGINT        NOT NULL REFERENCES lora_adapter (id),
    state          VARCHAR(16)   NOT NULL,
    progress       INT           NOT NULL DEFAULT 0,
    rank           INT           NOT NULL,
    steps          INT           NOT NULL,
    learning_rate  VARCHAR(16)   NOT NULL,
    trigger_word   VARCHAR(100)  NOT NULL,
    image_hashes   TEXT          NOT NULL,
    -- the prepared dataset (resized images + caption files, one zip) in the asset store
    dataset_hash   CHAR(64),
    backend        VARCHAR(64)   NOT NULL,
    backend_job_id VARCHAR(255),
    batch_execution_id BIGINT,
    requested_by   VARCHAR(255)  NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL,
    started_at     TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ,
    failure        VARCHAR(2000),
    result_version INT,
    CONSTRAINT lora_training_run_state_known
        CHECK (state IN ('QUEUED', 'PREPARING', 'TRAINING', 'SUCCEEDED', 'FAILED')),
    CONSTRAINT lora_training_run_progress CHECK (progress BETWEEN 0 AND 100)
);
CREATE INDEX lora_training_run_by_adapter ON lora_training_run (adapter_id, created_at DESC);
