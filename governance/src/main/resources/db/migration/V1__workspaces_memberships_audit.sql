-- Workspaces, their members, and the append-only audit trail (see ARCHITECTURE.md, "Audit trail").

CREATE TABLE workspace (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        VARCHAR(48)   NOT NULL,
    name        VARCHAR(120)  NOT NULL,
    description VARCHAR(2000) NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ   NOT NULL,
    created_by  VARCHAR(255)  NOT NULL,
    CONSTRAINT workspace_slug_unique UNIQUE (slug),
    CONSTRAINT workspace_slug_format CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,46}[a-z0-9])?$')
);

CREATE TABLE membership (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id BIGINT       NOT NULL REFERENCES workspace (id),
    user_id      VARCHAR(255) NOT NULL,
    role         VARCHAR(32)  NOT NULL,
    granted_at   TIMESTAMPTZ  NOT NULL,
    granted_by   VARCHAR(255) NOT NULL,
    CONSTRAINT membership_one_per_user UNIQUE (workspace_id, user_id),
    CONSTRAINT membership_role_known CHECK (role IN ('designer', 'senior-designer', 'art-director',
                                                     'brand-manager', 'developer'))
);
CREATE INDEX membership_by_user ON membership (user_id);

CREATE TABLE audit_entry (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    chain         VARCHAR(80)  NOT NULL,
    sequence      BIGINT       NOT NULL,
    occurred_at   TIMESTAMPTZ  NOT NULL,
    actor         VARCHAR(255) NOT NULL,
    action        VARCHAR(80)  NOT NULL,
    subject_type  VARCHAR(40)  NOT NULL,
    subject_id    VARCHAR(255) NOT NULL,
    summary       TEXT         NOT NULL,
    request_id    VARCHAR(80),
    client_ip     VARCHAR(64),
    previous_hash CHAR(64)     NOT NULL,
    entry_hash    CHAR(64)     NOT NULL,
    CONSTRAINT audit_entry_chain_order UNIQUE (chain, sequence)
);
CREATE INDEX audit_entry_by_subject ON audit_entry (subject_type, subject_id);
CREATE INDEX audit_entry_by_time ON audit_entry (occurred_at);

-- The application only ever inserts; anything else is refused by the database itself.
CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();
