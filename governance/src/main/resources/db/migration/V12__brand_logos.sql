-- The brand kit's logos: files in the content-addressed asset store, named per workspace. Adding and removing one
-- is audited; a removed logo's row stays (removed_at) so the history of the kit can be read back.
CREATE TABLE brand_logo (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id BIGINT        NOT NULL REFERENCES workspace (id),
    name         VARCHAR(120)  NOT NULL,
    sha256       CHAR(64)      NOT NULL,
    media_type   VARCHAR(40)   NOT NULL,
    width        INT           NOT NULL,
    height       INT           NOT NULL,
    added_by     VARCHAR(255)  NOT NULL,
    added_at     TIMESTAMPTZ   NOT NULL,
    removed_at   TIMESTAMPTZ
);
CREATE INDEX brand_logo_by_workspace ON brand_logo (workspace_id);
