package com.atelier.governance.generation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Lets a caller wait for a job without polling the database: the worker's commit completes the future on this
 * node, with the job and its assets as that commit left them. Jobs finished on another node are not seen here, so
 * waiters still look at the job now and then.
 */
@ApplicationScoped
public class JobCompletions {

    private final ConcurrentMap<UUID, CompletableFuture<JobFinished>> waiting = new ConcurrentHashMap<>();

    /** A future completed when the job's final state is committed on this node; register before reading the state. */
    public CompletableFuture<JobFinished> watch(UUID jobId) {
        return waiting.computeIfAbsent(jobId, id -> new CompletableFuture<>());
    }

    public void forget(UUID jobId) {
        waiting.remove(jobId);
    }

    void finished(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobFinished event) {
        CompletableFuture<JobFinished> waiter = waiting.remove(event.jobId());
        if (waiter != null) {
            waiter.complete(event);
        }
    }
}
