package com.atelier.sdk;

import com.atelier.sdk.generation.GenerationRequest;
import com.atelier.sdk.generation.Job;
import com.atelier.sdk.generation.SubmitMode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Submits, follows and cancels generation jobs ({@code /workspaces/{ws}/generations}). */
public final class Generations {

    /** Longer than the server's 60 s deadline for {@code mode=sync}, so its own 202 arrives instead of a timeout. */
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(90);

    private final ApiExchange api;
    private final Duration firstPoll;
    private final Duration maxPoll;
    private final Clock clock;

    Generations(ApiExchange api, Duration firstPoll, Duration maxPoll, Clock clock) {
        this.api = api;
        this.firstPoll = firstPoll;
        this.maxPoll = maxPoll;
        this.clock = clock;
    }

    /** Queues a job and returns at once (202). */
    public Job submit(String workspace, GenerationRequest request) {
        return submit(workspace, request, SubmitMode.ASYNC);
    }

    /** Submits under a fresh idempotency key; the SDK's own retries of this call reuse it. */
    public Job submit(String workspace, GenerationRequest request, SubmitMode mode) {
        return submit(workspace, request, mode, UUID.randomUUID().toString());
    }

    /**
     * Submits under the caller's idempotency key, for a caller that retries across processes (a pipeline step
     * that is re-run): the same key returns the job the first submission created instead of a second one.
     */
    public Job submit(String workspace, GenerationRequest request, SubmitMode mode, String idempotencyKey) {
        var post = api.request(jobs(workspace) + "?mode=" + mode.queryValue())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .timeout(mode == SubmitMode.SYNC ? SYNC_TIMEOUT : ApiExchange.DEFAULT_TIMEOUT)
                .POST(api.jsonBody(request));
        return api.call(post, Job.class);
    }

    public Job job(String workspace, String jobId) {
        return api.call(api.request(jobs(workspace) + "/" + ApiExchange.segment(jobId)).GET(), Job.class);
    }

    /** Cancels a job that is still queued; a job that already runs gives a {@link ProblemKind#CONFLICT}. */
    public Job cancel(String workspace, String jobId) {
        return api.call(api.request(jobs(workspace) + "/" + ApiExchange.segment(jobId)).DELETE(), Job.class);
    }

    /**
     * Polls the job until it is finished (succeeded, failed or cancelled), starting with short pauses and
     * lengthening them, since most jobs finish in seconds but some wait in the queue for minutes.
     *
     * @throws JobTimeoutException when it is still unfinished after {@code timeout}
     */
    public Job awaitCompletion(Job job, Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        Duration pause = firstPoll;
        Job current = job;
        while (!current.isFinal()) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new JobTimeoutException(current, timeout);
            }
            sleep(pause.compareTo(left) < 0 ? pause : left);
            current = job(job.workspace(), job.id());
            pause = pause.multipliedBy(3).dividedBy(2);
            pause = pause.compareTo(maxPoll) < 0 ? pause : maxPoll;
        }
        return current;
    }

    /** Submits (sync, so short jobs finish in one round trip) and waits for the job to finish. */
    public Job run(String workspace, GenerationRequest request, Duration timeout) {
        return awaitCompletion(submit(workspace, request, SubmitMode.SYNC), timeout);
    }

    private static String jobs(String workspace) {
        return "workspaces/" + ApiExchange.segment(workspace) + "/generations";
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtelierException("Interrupted while waiting for a job", e);
        }
    }
}
