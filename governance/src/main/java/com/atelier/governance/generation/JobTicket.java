package com.atelier.governance.generation;

import java.util.UUID;

/** What a worker needs to render a job it has started: the accepted spec (seed fixed) and the attempt number. */
public record JobTicket(UUID jobId, String workspace, String requester, GenerationSpec spec, int attempt,
                        boolean wantsWebhook) {
}
