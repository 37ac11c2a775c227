package com.atelier.governance.render;

import com.atelier.governance.generation.JobLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The steps every image goes through, in order: start → render → check → sign → store → record → notify, and
 * what happens to a job that cannot be rendered. The generation route lists the same steps by name; callers
 * without a route run a job through all of them with {@link #run}.
 */
@ApplicationScoped
public class RenderChain {

    private RenderStart start;
    private Map<String, RenderStep> steps;
    private JobLedger ledger;
    private FinishedJobNotices notices;

    protected RenderChain() {
        // for CDI proxies
    }

    @Inject
    public RenderChain(RenderStart start, RenderImages render, CheckOutputs check, SignOutputs sign,
                       StoreOutputs store, RecordAssets record, AnnounceCompletion notify, JobLedger ledger,
                       FinishedJobNotices notices) {
        this.start = start;
        var ordered = new LinkedHashMap<String, RenderStep>();
        ordered.put("render", render);
        ordered.put("check", check);
        ordered.put("sign", sign);
        ordered.put("store", store);
        ordered.put("record", record);
        ordered.put("notify", notify);
        this.steps = ordered;
        this.ledger = ledger;
        this.notices = notices;
    }

    public RenderStart start() {
        return start;
    }

    /** The steps after the start, by name, in the order they run. */
    public Map<String, RenderStep> steps() {
        return Collections.unmodifiableMap(steps);
    }

    /**
     * Runs one job through every step on this thread, without retries.
     *
     * @return true when this run recorded the job's assets
     */
    public boolean run(UUID jobId) {
        RenderWork work = start.start(jobId.toString());
        if (work == null) {
            return false;
        }
        for (RenderStep step : steps.values()) {
            work = step.apply(work);
        }
        return work.recorded();
    }

    /**
     * Ends a job that could not be rendered, after the route's retries: FAILED with a reason the requester can
     * read, and its webhook told. A job that already finished is left as it is.
     */
    public void fail(String jobId, Exception cause) {
        String reason = cause == null || cause.getMessage() == null ? "unknown failure" : cause.getMessage();
        UUID id = UUID.fromString(jobId);
        if (ledger.fail(id, "Rendering failed after retries: " + reason)) {
            notices.announce(id); // the notices skip jobs without a webhook
        }
    }
}
