package com.atelier.localtriton;

import io.grpc.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The faults the local server injects so that reliability code can be tested against it: a window
 * of UNAVAILABLE answers (a pod restarting) and slow inference (a saturated GPU).
 */
public final class FaultInjector {

    private final Clock clock;
    private volatile Instant unavailableUntil = Instant.MIN;
    private volatile Duration slowBy = Duration.ZERO;

    public FaultInjector(Clock clock) {
        this.clock = clock;
    }

    /** Every RPC answers UNAVAILABLE from now for the given time. */
    public void unavailableFor(Duration duration) {
        unavailableUntil = clock.instant().plus(duration);
    }

    public void recover() {
        unavailableUntil = Instant.MIN;
    }

    public void slowBy(Duration extraLatency) {
        slowBy = extraLatency;
    }

    public Duration slowBy() {
        return slowBy;
    }

    /** The failure to answer with right now, if any. */
    public Optional<Status> currentFailure() {
        Instant until = unavailableUntil;
        if (clock.instant().isBefore(until)) {
            return Optional.of(Status.UNAVAILABLE.withDescription(
                    "local-triton: injected fault, unavailable until " + until));
        }
        return Optional.empty();
    }
}
