package com.atelier.governance.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chains waiting audit events in rounds, one round at a time on this node: every request for a round that arrives
 * while one runs is served by the next, which chains everything committed before it started. Concurrent writers
 * therefore share one chain lock and one commit per round instead of queueing for the lock one by one.
 * <p>
 * Nobody waits for a round to answer a request: the event is already durable, committed with the change it records.
 * Readers of the trail wait instead ({@link #awaitChained}), until every event committed before they asked is chained,
 * whichever node chains it. Events a failed round or a crashed node left waiting are chained by the periodic
 * {@link AuditSealSweep}.
 */
@ApplicationScoped
public class AuditSealer {

    private static final Logger LOG = Logger.getLogger(AuditSealer.class.getName());
    private static final long RECHECK_MILLIS = 5;

    // a global name: this bean may first be created on a thread without java:comp (a Camel worker)
    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    private ManagedExecutorService executor;

    private AuditChainWriter writer;
    private final Object rounds = new Object();
    private List<CompletableFuture<Void>> requested = new ArrayList<>();
    private boolean running;

    protected AuditSealer() {
        // for CDI proxies
    }

    @Inject
    public AuditSealer(AuditChainWriter writer) {
        this.writer = writer;
    }

    /** A round that starts after this call; it completes once every event committed before the call is chained. */
    public CompletableFuture<Void> requestRound() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        boolean start;
        synchronized (rounds) {
            requested.add(done);
            start = !running;
            running = true;
        }
        if (start) {
            try {
                executor.execute(this::runRounds);
            } catch (RejectedExecutionException e) {
                synchronized (rounds) {
                    running = false;
                }
                done.completeExceptionally(e);
            }
        }
        return done;
    }

    /**
     * Waits (at most {@code max}) until the events committed so far are chained; readers call it first. Events another
     * node is chaining at this moment (its round skipped past them) are waited for too.
     */
    public void awaitChained(Duration max) {
        OptionalLong newest = writer.newestWaiting();
        if (newest.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + max.toNanos();
        await(requestRound(), max);
        // another node's round may hold some of them (SKIP LOCKED): ask again until they are chained or time is up
        while (writer.waitingUpTo(newest.getAsLong()) && pause(deadline)) {
            await(requestRound(), Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }

    /** Sleeps briefly; false once the deadline has passed or the thread was interrupted. */
    private static boolean pause(long deadline) {
        try {
            Thread.sleep(RECHECK_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return System.nanoTime() < deadline;
    }

    /** After a transaction that appended events committed (once per event; rounds coalesce). */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditAppended appended) {
        requestRound();
    }

    private void runRounds() {
        try {
            while (true) {
                List<CompletableFuture<Void>> served;
                synchronized (rounds) {
                    if (requested.isEmpty()) {
                        running = false;
                        return;
                    }
                    served = requested;
                    requested = new ArrayList<>();
                }
                try {
                    while (writer.sealBatch() == AuditChainWriter.BATCH) {
                        // a full batch: more may be waiting
                    }
                    served.forEach(round -> round.complete(null));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "audit events stay waiting in audit_intake; a later round chains them", e);
                    served.forEach(round -> round.completeExceptionally(e));
                }
            }
        } catch (Error e) {
            synchronized (rounds) {
                running = false;
            }
            throw e;
        }
    }

    private static void await(CompletableFuture<Void> round, Duration max) {
        try {
            round.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the events are safe in audit_intake and will be chained; the caller goes on without waiting longer
            LOG.log(Level.FINE, "audit events not chained within " + max, e);
        }
    }
}
