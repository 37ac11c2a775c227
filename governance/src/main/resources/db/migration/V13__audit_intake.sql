-- Audit events enter the trail here, in the transaction of the change they describe, and are chained moments
-- later: the sealer moves them in batches, in id order, into audit_entry with their sequence and hashes, and
-- deletes them from here in the same transaction. Appending a chained entry needs the chain's lock, so writing
-- it in every request serialised all writers of a workspace on one lock held until their commit (docs/audit.md).
CREATE TABLE audit_intake (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    chain        VARCHAR(80)  NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    actor        VARCHAR(255) NOT NULL,
    action       VARCHAR(80)  NOT NULL,
    subject_type VARCHAR(40)  NOT NULL,
    subject_id   VARCHAR(255) NOT NULL,
    summary      TEXT         NOT NULL,
    request_id   VARCHAR(80),
    client_ip    VARCHAR(64)
);

-- A waiting event is inserted once and deleted once, when it is chained; it is never edited.
CREATE FUNCTION audit_intake_refuse_update() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_intake rows are never edited: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_intake_insert_only
    BEFORE UPDATE ON audit_intake
    FOR EACH STATEMENT EXECUTE FUNCTION audit_intake_refuse_update();
