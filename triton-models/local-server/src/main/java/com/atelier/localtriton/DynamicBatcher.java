package com.atelier.localtriton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Simulates one GPU model instance behind Triton's dynamic batcher: requests queue up, the instance
 * takes up to {@code maxBatch} of them (waiting at most {@code maxQueueDelay} for the batch to fill),
 * and "executes" the batch by holding the instance for the simulated GPU time. A batch of n costs
 * {@code gpuTime × (1 + 0.6 × (n − 1))}: batching pays, but not for free, as on a busy GPU.
 */
public final class DynamicBatcher implements AutoCloseable {

    /** Share of a single execution's time that each extra request in a batch adds. */
    static final double EXTRA_REQUEST_COST = 0.6;

    /** A queued request; completes with the queueing time in nanoseconds once its batch has executed. */
    private record Pending(long enqueuedNs, CompletableFuture<Long> done) {
    }

    private final String model;
    private final Duration gpuTime;
    private final Duration maxQueueDelay;
    private final int maxBatch;
    private final StatisticsLedger statistics;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread instance;
    private volatile boolean running = true;

    public DynamicBatcher(String model, Duration gpuTime, Duration maxQueueDelay, int maxBatch, StatisticsLedger statistics) {
        this.model = model;
        this.gpuTime = gpuTime;
        this.maxQueueDelay = maxQueueDelay;
        this.maxBatch = Math.max(1, maxBatch);
        this.statistics = statistics;
        this.instance = new Thread(this::serve, "local-triton-" + model + "-instance-0");
        this.instance.setDaemon(true);
        this.instance.start();
    }

    /** Queues one request; the future completes with its queueing time when its batch has run. */
    public CompletableFuture<Long> submit() {
        CompletableFuture<Long> done = new CompletableFuture<>();
        queue.add(new Pending(System.nanoTime(), done));
        return done;
    }

    private void serve() {
        while (running) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Pending> batch = new ArrayList<>(maxBatch);
                batch.add(first);
                long fillDeadline = System.nanoTime() + maxQueueDelay.toNanos();
                while (batch.size() < maxBatch) {
                    Pending next = queue.poll(Math.max(0, fillDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                execute(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void execute(List<Pending> batch) throws InterruptedException {
        long started = System.nanoTime();
        long costNs = (long) (gpuTime.toNanos() * (1 + EXTRA_REQUEST_COST * (batch.size() - 1)));
        // Holding the instance for the simulated time is the simulation: the GPU is busy, nothing else runs on it.
        TimeUnit.NANOSECONDS.sleep(costNs);
        statistics.recordExecution(model, batch.size(), System.nanoTime() - started);
        for (Pending pending : batch) {
            pending.done().complete(started - pending.enqueuedNs());
        }
    }

    @Override
    public void close() {
        running = false;
        instance.interrupt();
        Pending pending;
        while ((pending = queue.poll()) != null) {
            pending.done().completeExceptionally(new IllegalStateException("local-triton is shutting down"));
        }
    }
}
