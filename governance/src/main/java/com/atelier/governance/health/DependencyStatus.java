package com.atelier.governance.health;

import java.util.List;

/**
 * The outcome of one probe: up or down, what was checked, and for down dependencies what a person can do.
 *
 * @param parts per-endpoint details where a dependency has several (e.g. Triton pods); empty otherwise
 */
public record DependencyStatus(String dependency, boolean up, String detail, long latencyMillis,
                               List<DependencyStatus> parts) {

    public DependencyStatus {
        parts = List.copyOf(parts);
    }

    public static DependencyStatus up(String dependency, String detail, long latencyMillis) {
        return new DependencyStatus(dependency, true, detail, latencyMillis, List.of());
    }

    public static DependencyStatus down(String dependency, String detail, long latencyMillis) {
        return new DependencyStatus(dependency, false, detail, latencyMillis, List.of());
    }

    /** Milliseconds elapsed since a {@link System#nanoTime()} reading, for a probe's latency. */
    public static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
