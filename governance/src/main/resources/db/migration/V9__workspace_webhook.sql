-- A workspace may register one webhook that every async job without its own webhook reports to.
ALTER TABLE workspace ADD COLUMN webhook_url VARCHAR(2000);
ALTER TABLE workspace ADD COLUMN webhook_secret VARCHAR(256);
