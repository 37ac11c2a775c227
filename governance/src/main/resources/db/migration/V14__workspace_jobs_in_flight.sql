-- A workspace's own limit of generation jobs one person may have queued or running (NULL: the portal default).
ALTER TABLE workspace ADD COLUMN jobs_in_flight_per_user INT
    CHECK (jobs_in_flight_per_user IS NULL OR jobs_in_flight_per_user >= 1);
