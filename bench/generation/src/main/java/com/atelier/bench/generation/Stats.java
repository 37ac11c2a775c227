package com.atelier.bench.generation;

import java.util.Arrays;

/**
 * A latency sample summarised in milliseconds: nearest-rank percentiles (no interpolation, so every figure is a
 * time that was actually measured), the mean and the maximum.
 */
record Stats(int n, double p50, double p90, double p99, double mean, double max) {

    static Stats of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return new Stats(0, 0, 0, 0, 0, 0);
        }
        return new Stats(sorted.length, ms(percentile(sorted, 50)), ms(percentile(sorted, 90)),
                ms(percentile(sorted, 99)), Arrays.stream(sorted).average().orElse(0) / 1e6,
                ms(sorted[sorted.length - 1]));
    }

    /** Nearest-rank percentile of a sorted array. */
    static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1))];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }
}
