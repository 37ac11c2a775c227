-- A workspace may have its own daily image quota; NULL means the portal default (atelier.quota.images-per-day).
ALTER TABLE workspace ADD COLUMN daily_image_quota INT CHECK (daily_image_quota IS NULL OR daily_image_quota >= 0);
