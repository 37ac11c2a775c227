package com.atelier.governance.generation;

import java.time.Instant;
import java.util.UUID;

/**
 * What a worker needs to render a job it has started: the accepted spec (seed fixed), the attempt number and
 * when the job was accepted.
 */
public record JobTicket(UUID jobId, String workspace, String requester, GenerationSpec spec, int attempt,
                        boolean wantsWebhook, Instant acceptedAt) {
}
