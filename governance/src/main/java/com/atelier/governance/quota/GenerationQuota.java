package com.atelier.governance.quota;

/**
 * Limits on generation: images per workspace per day, and jobs a user may have in flight. A port: integrations
 * keeps the counters in a clustered Infinispan cache, so every WildFly node enforces the same totals.
 */
public interface GenerationQuota {

    /**
     * Counts a new job against both limits, or refuses it without counting anything.
     *
     * @param dailyImageLimit the workspace's own daily limit, or null for the portal default
     * @param inFlightLimit   the workspace's own limit of the user's jobs in flight, or null for the portal default
     * @throws QuotaExceededException naming the limit and when to retry
     */
    void reserve(String workspace, Integer dailyImageLimit, Integer inFlightLimit, String user, int images);

    /** The user's job has finished (or was cancelled): it no longer counts as in flight. */
    void jobFinished(String user);

    /** Images a workspace generated today (UTC) against its daily limit. */
    record DailyUse(long used, int limit) {
    }

    /** How much of today's images the workspace has used, for its home page. */
    DailyUse today(String workspace, Integer dailyImageLimit);
}
