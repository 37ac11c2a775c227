package com.atelier.inference.image;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a generation took: measured end to end by the client, and as the serving endpoint's
 * ModelStatistics report it (cumulative averages per request: queueing and model execution).
 */
public record GenerationTimings(Duration total, Optional<Duration> serverQueueAverage, Optional<Duration> serverComputeAverage) {

    public static GenerationTimings clientOnly(Duration total) {
        return new GenerationTimings(total, Optional.empty(), Optional.empty());
    }
}
