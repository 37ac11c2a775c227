package com.atelier.governance.workspace;

import com.atelier.governance.failure.InvalidInputException;

/**
 * A workspace's own generation limits; a null field means the portal default.
 *
 * @param dailyImageQuota     images per UTC day, 1 to 1,000,000
 * @param jobsInFlightPerUser jobs one person may have queued or running when submitting here, 1 to 100,000
 */
public record WorkspaceQuota(Integer dailyImageQuota, Integer jobsInFlightPerUser) {

    public WorkspaceQuota {
        if (dailyImageQuota != null && (dailyImageQuota < 1 || dailyImageQuota > 1_000_000)) {
            throw new InvalidInputException("dailyImageQuota", "A daily image quota is between 1 and 1000000 images"
                    + " (or empty for the portal default).");
        }
        if (jobsInFlightPerUser != null && (jobsInFlightPerUser < 1 || jobsInFlightPerUser > 100_000)) {
            throw new InvalidInputException("jobsInFlightPerUser", "The jobs one person may have queued or running"
                    + " are between 1 and 100000 (or empty for the portal default).");
        }
    }
}
