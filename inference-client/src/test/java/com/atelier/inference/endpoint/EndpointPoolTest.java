package com.atelier.inference.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EndpointPoolTest {

    @Test
    void picksTheUnprobedEndpointWithFewestCallsInFlight() {
        // Channels connect lazily and the first probe is far away: nothing touches the network here.
        TritonEndpoint busy = new TritonEndpoint("127.0.0.1:1", 1024);
        TritonEndpoint idle = new TritonEndpoint("127.0.0.1:2", 1024);
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
        TritonEndpoint down = new TritonEndpoint("127.0.0.1:1", 1024);
        TritonEndpoint noModel = new TritonEndpoint("127.0.0.1:2", 1024);
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
