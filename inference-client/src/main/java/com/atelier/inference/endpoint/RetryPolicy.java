package com.atelier.inference.endpoint;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a call is retried on UNAVAILABLE: at most {@code maxAttempts} attempts
 * in total, with exponential backoff between them, capped, and jittered so that many clients that
 * lost the same pod do not retry in lockstep.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("Backoff must satisfy 0 <= initial <= max");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(2));
    }

    public static RetryPolicy noRetries() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    }

    /** The pause after the given failed attempt (1-based): half fixed, half random. */
    public Duration backoffAfter(int failedAttempt) {
        long exponential = initialBackoff.toNanos() << Math.min(failedAttempt - 1, 20);
        long capped = Math.min(Math.max(exponential, 0), maxBackoff.toNanos());
        long jittered = capped / 2 + (capped > 1 ? ThreadLocalRandom.current().nextLong(capped / 2 + 1) : 0);
        return Duration.ofNanos(jittered);
    }
}
