package com.atelier.inference.endpoint;

import io.grpc.Deadline;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Triton endpoints a client may use: probes them in the background and picks, per request, the
 * endpoint with the fewest calls in flight among those live, ready and having the model ready.
 */
public final class EndpointPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointPool.class);

    private final List<TritonEndpoint> endpoints;
    private final List<String> probedModels;
    private final Duration probeTimeout;
    private final ScheduledExecutorService prober;
    private final AtomicInteger tieBreaker = new AtomicInteger();
    private volatile Thread proberThread;

    public EndpointPool(List<TritonEndpoint> endpoints, List<String> probedModels, Duration probeInterval, Duration probeTimeout) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("At least one Triton endpoint is needed");
        }
        this.endpoints = List.copyOf(endpoints);
        this.probedModels = List.copyOf(probedModels);
        this.probeTimeout = probeTimeout;
        this.prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, ClientTransport.THREAD_PREFIX + "-prober");
            thread.setDaemon(true);
            proberThread = thread;
            return thread;
        });
        prober.scheduleWithFixedDelay(this::probeInBackground, 0, probeInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public List<TritonEndpoint> endpoints() {
        return endpoints;
    }

    /** Probes every endpoint now, in parallel, and waits at most the given time for the answers. */
    public List<EndpointHealth> probeAll(Duration timeout) {
        List<CompletableFuture<EndpointHealth>> probes = endpoints.stream()
                .map(endpoint -> endpoint.probe(probedModels, timeout))
                .toList();
        return probes.stream().map(CompletableFuture::join).toList();
    }

    public List<EndpointHealth> lastKnownHealth() {
        return endpoints.stream().map(TritonEndpoint::health).toList();
    }

    /**
     * The least-loaded endpoint that serves the model, skipping those in {@code exclude}. Endpoints not
     * probed yet count as candidates, so the first calls after start-up need not wait for a probe.
     */
    public Optional<TritonEndpoint> select(String model, Set<TritonEndpoint> exclude) {
        List<TritonEndpoint> candidates = endpoints.stream()
                .filter(endpoint -> !exclude.contains(endpoint))
                .filter(endpoint -> endpoint.health().serves(model) || !endpoint.health().probed())
                .toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        // Rotate the starting point so that equally loaded endpoints share the work.
        int offset = Math.floorMod(tieBreaker.getAndIncrement(), candidates.size());
        TritonEndpoint best = null;
        for (int i = 0; i < candidates.size(); i++) {
            TritonEndpoint candidate = candidates.get((offset + i) % candidates.size());
            if (best == null || candidate.outstanding() < best.outstanding()) {
                best = candidate;
            }
        }
        return Optional.of(best);
    }

    /** True when at least one endpoint answered its last probe as live and ready. */
    public boolean anyReady() {
        return endpoints.stream().map(TritonEndpoint::health).anyMatch(health -> health.live() && health.ready());
    }

    /** One line per endpoint, for error messages that an operator can act on. */
    public String describe() {
        return String.join("; ", endpoints.stream()
                .sorted(Comparator.comparing(TritonEndpoint::target))
                .map(endpoint -> endpoint.target() + " " + endpoint.health().detail())
                .toList());
    }

    private void probeInBackground() {
        try {
            for (EndpointHealth health : probeAll(probeTimeout)) {
                if (!health.ready()) {
                    LOG.debug("Triton endpoint {} not ready: {}", health.target(), health.detail());
                }
            }
        } catch (RuntimeException e) {
            // A failed round must not cancel the schedule; the next round probes again.
            LOG.warn("Triton health probe round failed", e);
        }
    }

    /**
     * Stops the background probes and shuts every channel down: calls in flight get a moment to finish
     * (at most {@code timeout} for all channels together), then what is left is cancelled.
     */
    public void close(Duration timeout) {
        prober.shutdownNow();
        endpoints.forEach(TritonEndpoint::shutdown);
        Deadline deadline = Deadline.after(timeout.toNanos(), TimeUnit.NANOSECONDS);
        endpoints.forEach(endpoint -> endpoint.awaitTermination(deadline));
        try {
            // A probe round in progress ends once the channels are closed (its calls fail).
            Thread thread = proberThread;
            if (thread != null) {
                // The executor reports termination just before its thread returns: wait for the thread itself.
                TimeUnit.NANOSECONDS.timedJoin(thread, Math.max(1, deadline.timeRemaining(TimeUnit.NANOSECONDS)));
            }
            if (!prober.isTerminated() || (thread != null && thread.isAlive())) {
                LOG.warn("Triton endpoint prober did not stop within {}", timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }
}
