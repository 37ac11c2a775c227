package com.atelier.integrations.quota;

import java.util.concurrent.ConcurrentMap;

/**
 * Bounded counters on a concurrent map, by compare-and-set: on a clustered Infinispan cache each replace is atomic
 * on the key's primary owner, so concurrent requests on different nodes never push a counter past its limit.
 * Only Strings and Longs are stored, which every Infinispan marshaller handles.
 */
final class QuotaCounters {

    private final ConcurrentMap<String, Long> counters;

    QuotaCounters(ConcurrentMap<String, Long> counters) {
        this.counters = counters;
    }

    /** Adds {@code amount} unless the sum would exceed {@code limit}; true when added. */
    boolean tryAdd(String key, long amount, long limit) {
        while (true) {
            Long current = counters.get(key);
            if (current == null) {
                if (amount > limit) {
                    return false;
                }
                if (counters.putIfAbsent(key, amount) == null) {
                    return true;
                }
            } else {
                if (current + amount > limit) {
                    return false;
                }
                if (counters.replace(key, current, current + amount)) {
                    return true;
                }
            }
        }
    }

    /** Subtracts {@code amount}, never below zero. */
    void subtract(String key, long amount) {
        while (true) {
            Long current = counters.get(key);
            if (current == null || current == 0) {
                return;
            }
            if (counters.replace(key, current, Math.max(0, current - amount))) {
                return;
            }
        }
    }

    long value(String key) {
        return counters.getOrDefault(key, 0L);
    }
}
