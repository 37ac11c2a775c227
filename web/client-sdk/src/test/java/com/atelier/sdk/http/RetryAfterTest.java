package com.atelier.sdk.http;

import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-01-31T10:00:00Z"), ZoneOffset.UTC);

    private static HttpHeaders retryAfter(String value) {
        return HttpHeaders.of(Map.of("Retry-After", List.of(value)), (name, v) -> true);
    }

    @Test
    void readsDelaySeconds() {
        assertThat(RetryAfter.of(retryAfter("7"), NOW)).hasValue(Duration.ofSeconds(7));
    }

    @Test
    void readsAnHttpDate() {
        assertThat(RetryAfter.of(retryAfter("Sat, 31 Jan 2026 10:01:30 GMT"), NOW)).hasValue(Duration.ofSeconds(90));
    }

    @Test
    void ignoresAValueItCannotRead() {
        assertThat(RetryAfter.of(retryAfter("soon"), NOW)).isEmpty();
    }

    @Test
    void backsOffExponentiallyWithinTheCap() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(300), Duration.ZERO);

        assertThat(policy.backoff(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(policy.backoff(2)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(policy.backoff(9)).isBetween(Duration.ofMillis(150), Duration.ofMillis(300));
    }
}
