package com.atelier.inference.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EndpointPoolTest {

    private static ClientTransport transport;

    @BeforeAll
    static void openTransport() {
        transport = new ClientTransport(1, Duration.ofSeconds(5));
    }

    @AfterAll
    static void closeTransport() {
        transport.close();
    }

    private static TritonEndpoint endpoint(String target) {
        return new TritonEndpoint(target, 1024, transport);
    }

    @Test
    void picksTheUnprobedEndpointWithFewestCallsInFlight() {
        // Channels connect lazily and the first probe is far away: nothing touches the network here.
        TritonEndpoint busy = endpoint("127.0.0.1:1");
        TritonEndpoint idle = endpoint("127.0.0.1:2");
        try (EndpointPool pool = new EndpointPool(List.of(busy, idle), List.of("sdxl"), Duration.ofHours(1), Duration.ofSeconds(1))) {
            busy.callStarted();
            busy.callStarted();
            idle.callStarted();

            assertThat(pool.select("sdxl", Set.of())).containsSame(idle);
            assertThat(pool.select("sdxl", Set.of(idle))).containsSame(busy);
        }
    }

    @Test
    void skipsEndpointsMarkedDownOrWithoutTheModel() {
        TritonEndpoint down = endpoint("127.0.0.1:1");
        TritonEndpoint noModel = endpoint("127.0.0.1:2");
        try (EndpointPool pool = new EndpointPool(List.of(down, noModel), List.of("sdxl"), Duration.ofHours(1), Duration.ofSeconds(1))) {
            down.markDown(io.grpc.Status.UNAVAILABLE.withDescription("connection refused"));
            noModel.markModelNotReady("sdxl", io.grpc.Status.UNAVAILABLE);
            noModel.markDown(io.grpc.Status.UNAVAILABLE);

            assertThat(pool.select("sdxl", Set.of())).isEmpty();
            assertThat(pool.describe()).contains("127.0.0.1:1 UNAVAILABLE: connection refused");
        }
    }

    @Test
    void backoffGrowsExponentiallyWithinTheCap() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(400));

        assertThat(policy.backoffAfter(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(policy.backoffAfter(2)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(policy.backoffAfter(10)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    }
}
