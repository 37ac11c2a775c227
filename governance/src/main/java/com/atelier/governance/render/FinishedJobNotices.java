package com.atelier.governance.render;

import java.util.UUID;

/**
 * Tells a job's caller that it finished (its webhook): a port that integrations implements with a durable queue,
 * so a notice survives a restart between the end of the job and the delivery.
 */
public interface FinishedJobNotices {

    void announce(UUID jobId);
}
