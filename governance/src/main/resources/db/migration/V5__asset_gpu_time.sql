-- GPU time per image (the job's Triton compute time shared over the images of each call), for usage reports.
ALTER TABLE asset ADD COLUMN gpu_millis BIGINT NOT NULL DEFAULT 0;
