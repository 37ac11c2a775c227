package com.atelier.localtriton;

import com.atelier.inference.TritonClient;
import com.atelier.inference.TritonClientSettings;
import com.atelier.inference.endpoint.RetryPolicy;
import java.time.Duration;
import java.util.List;

/** Builders for tests: a client tuned for fast probing and retries against local servers. */
final class LocalTritonFixture {

    static final Duration CALL_DEADLINE = Duration.ofSeconds(20);

    private LocalTritonFixture() {
    }

    static TritonClientSettings settingsFor(List<String> targets) {
        return TritonClientSettings.forEndpoints(targets)
                .withDefaultDeadline(CALL_DEADLINE)
                .withProbeInterval(Duration.ofMillis(200))
                .withRetryPolicy(new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100)));
    }

    static TritonClient clientFor(LocalTritonServer... servers) {
        return new TritonClient(settingsFor(List.of(servers).stream().map(LocalTritonServer::target).toList()));
    }

    /** A local port that nothing listens on: a server started and stopped at once. */
    static String deadTarget() {
        try (LocalTritonServer server = LocalTritonServer.start(ServerOptions.forTests())) {
            return server.target();
        }
    }
}
