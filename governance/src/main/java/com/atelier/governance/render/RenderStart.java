package com.atelier.governance.render;

import com.atelier.governance.generation.JobLedger;
import com.atelier.governance.generation.JobTicket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The chain's first step: marks the job RUNNING in the ledger and hands out its work. Idempotent by job id: a
 * finished, cancelled or unknown job (a late or duplicate delivery) yields nothing, and a RUNNING one whose worker
 * died is started again. Records how long the job waited in the queue.
 */
@ApplicationScoped
public class RenderStart {

    private static final Logger LOG = Logger.getLogger(RenderStart.class.getName());

    private JobLedger ledger;
    private StepTimers timers;
    private Clock clock;

    protected RenderStart() {
        // for CDI proxies
    }

    @Inject
    public RenderStart(JobLedger ledger, StepTimers timers, Clock clock) {
        this.ledger = ledger;
        this.timers = timers;
        this.clock = clock;
    }

    /** The started job's work, or null when there is nothing to render (the route stops there). */
    public RenderWork start(String jobId) {
        UUID id = UUID.fromString(jobId);
        var ticket = ledger.start(id);
        if (ticket.isEmpty()) {
            LOG.fine(() -> "job " + jobId + " is finished, cancelled or unknown; delivery ignored");
            return null;
        }
        JobTicket started = ticket.get();
        if (started.attempt() == 1) {
            // a retried job's wait would count the outage, not the queue
            Duration waited = Duration.between(started.acceptedAt(), clock.instant());
            started.spec().models().forEach(model -> timers.record("queue", model, waited));
        }
        return RenderWork.started(started);
    }
}
