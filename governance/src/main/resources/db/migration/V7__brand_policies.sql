-- Brand policies (docs/brand-safety.md): one row per version of a workspace's policy, never changed once written;
-- the highest version of a workspace applies. A workspace without rows has the empty policy (version 0).

CREATE TABLE brand_policy_version (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id BIGINT       NOT NULL REFERENCES workspace (id),
    version      INT          NOT NULL,
    -- The policy as a JSON document (BrandPolicyDocument); TEXT so that the application binds it as a plain string.
    policy       TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    created_by   VARCHAR(255) NOT NULL,
    CONSTRAINT brand_policy_version_positive CHECK (version >= 1),
    CONSTRAINT brand_policy_version_is_json CHECK (json_typeof(policy::json) = 'object'),
    -- Two concurrent edits cannot both become version N+1.
    CONSTRAINT brand_policy_version_once UNIQUE (workspace_id, version)
);

-- Versions are immutable: the application only inserts, and the database refuses anything else.
CREATE FUNCTION brand_policy_version_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'brand_policy_version is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER brand_policy_version_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON brand_policy_version
    FOR EACH STATEMENT EXECUTE FUNCTION brand_policy_version_refuse_change();
