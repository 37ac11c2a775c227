-- Signing keys an admin rotated to (PKCS#12, encrypted with the configured keystore password). The newest one signs;
-- every node picks it up. Old manifests keep verifying: they carry their own certificate, and the roots stay trusted.
CREATE TABLE signing_key (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pkcs12       BYTEA         NOT NULL,
    alias        VARCHAR(200)  NOT NULL,
    subject      VARCHAR(1000) NOT NULL,
    fingerprint  CHAR(64)      NOT NULL,
    not_after    TIMESTAMPTZ   NOT NULL,
    activated_at TIMESTAMPTZ   NOT NULL,
    activated_by VARCHAR(255)  NOT NULL
);
