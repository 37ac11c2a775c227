-- Derived assets: an approved asset upscaled or colour-corrected becomes a new asset that names its parent (and
-- whose C2PA manifest lists the parent's as an ingredient). It goes through review again.
ALTER TABLE asset ADD COLUMN derived_from UUID REFERENCES asset (id);
ALTER TABLE asset ADD COLUMN operation VARCHAR(40);
ALTER TABLE asset DROP CONSTRAINT asset_once_per_job_image;
-- Redelivery of a job never makes a second asset for the same image; derivatives share their parent's position.
CREATE UNIQUE INDEX asset_once_per_job_image ON asset (job_id, model, position) WHERE derived_from IS NULL;
CREATE INDEX asset_by_parent ON asset (derived_from);
