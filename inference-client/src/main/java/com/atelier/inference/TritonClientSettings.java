package com.atelier.inference;

import com.atelier.inference.endpoint.RetryPolicy;
import java.time.Duration;
import java.util.List;

/**
 * How a {@link TritonClient} reaches Triton: the endpoints ("host:port"), the default per-call
 * deadline, how often endpoints are probed, the retry policy, and the largest answer accepted.
 *
 * @param maxInboundMessageBytes must hold the largest answer: a 2048² FP16 upscale is 25 MB raw
 * @param serverTimings          ask the serving endpoint's ModelStatistics after each generation
 */
public record TritonClientSettings(
        List<String> endpoints,
        Duration defaultDeadline,
        Duration probeInterval,
        Duration probeTimeout,
        RetryPolicy retryPolicy,
        int maxInboundMessageBytes,
        boolean serverTimings) {

    public static final int DEFAULT_MAX_INBOUND_BYTES = 64 * 1024 * 1024;

    public TritonClientSettings {
        endpoints = List.copyOf(endpoints);
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("At least one Triton endpoint (host:port) is needed");
        }
        for (String endpoint : endpoints) {
            if (!endpoint.matches("[^:\\s]+:\\d{1,5}")) {
                throw new IllegalArgumentException("Triton endpoint '" + endpoint + "' is not host:port");
            }
        }
    }

    /** Defaults fit for production: 120 s deadline (a 2048² render under load), probes every 5 s, 3 attempts. */
    public static TritonClientSettings forEndpoints(List<String> endpoints) {
        return new TritonClientSettings(endpoints, Duration.ofSeconds(120), Duration.ofSeconds(5), Duration.ofSeconds(2),
                RetryPolicy.defaults(), DEFAULT_MAX_INBOUND_BYTES, true);
    }

    public TritonClientSettings withDefaultDeadline(Duration deadline) {
        return new TritonClientSettings(endpoints, deadline, probeInterval, probeTimeout, retryPolicy, maxInboundMessageBytes, serverTimings);
    }

    public TritonClientSettings withProbeInterval(Duration interval) {
        return new TritonClientSettings(endpoints, defaultDeadline, interval, probeTimeout, retryPolicy, maxInboundMessageBytes, serverTimings);
    }

    public TritonClientSettings withRetryPolicy(RetryPolicy policy) {
        return new TritonClientSettings(endpoints, defaultDeadline, probeInterval, probeTimeout, policy, maxInboundMessageBytes, serverTimings);
    }

    public TritonClientSettings withServerTimings(boolean enabled) {
        return new TritonClientSettings(endpoints, defaultDeadline, probeInterval, probeTimeout, retryPolicy, maxInboundMessageBytes, enabled);
    }
}
