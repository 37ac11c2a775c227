package com.atelier.localtriton;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * How the local server runs: where it listens, how much GPU time it pretends each model takes, how
 * it batches, and which faults it injects.
 *
 * @param gpuTime          simulated execution time of one batch of one request, per model (absent: zero)
 * @param maxQueueDelay    how long the dynamic batcher waits for more requests to join a batch
 * @param unavailableFor   answer every RPC with UNAVAILABLE for this long after start
 * @param slowBy           extra latency added to every ModelInfer
 * @param unloaded         models that start unloaded (RepositoryModelLoad brings them back)
 * @param responseCacheBytes bound of the cache of rendered PNGs (0: no cache); like Triton's response cache
 */
public record ServerOptions(
        String host,
        int port,
        Map<String, Duration> gpuTime,
        Duration maxQueueDelay,
        Duration unavailableFor,
        Duration slowBy,
        Set<String> unloaded,
        long responseCacheBytes) {

    public ServerOptions {
        gpuTime = Map.copyOf(gpuTime);
        unloaded = Set.copyOf(unloaded);
    }

    /** Loopback, an ephemeral port, no simulated GPU time, no faults: what tests start from. */
    public static ServerOptions forTests() {
        return new ServerOptions("127.0.0.1", 0, Map.of(), Duration.ofMillis(2), Duration.ZERO, Duration.ZERO, Set.of(), 0);
    }

    public Duration gpuTimeOf(String model) {
        return gpuTime.getOrDefault(model, Duration.ZERO);
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(host, newPort, gpuTime, maxQueueDelay, unavailableFor, slowBy, unloaded, responseCacheBytes);
    }

    public ServerOptions withGpuTime(Map<String, Duration> newGpuTime) {
        return new ServerOptions(host, port, newGpuTime, maxQueueDelay, unavailableFor, slowBy, unloaded, responseCacheBytes);
    }

    public ServerOptions withResponseCacheBytes(long bytes) {
        return new ServerOptions(host, port, gpuTime, maxQueueDelay, unavailableFor, slowBy, unloaded, bytes);
    }
}
