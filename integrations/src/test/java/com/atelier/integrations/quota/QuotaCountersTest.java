package com.atelier.integrations.quota;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaCountersTest {

    @Test
    void refusesWhatWouldPassTheLimitAndCountsNothingThen() {
        var counters = new QuotaCounters(new ConcurrentHashMap<>());

        assertThat(counters.tryAdd("images:ws", 3, 4)).isTrue();
        assertThat(counters.tryAdd("images:ws", 2, 4)).isFalse();
        assertThat(counters.value("images:ws")).isEqualTo(3);
        assertThat(counters.tryAdd("images:ws", 1, 4)).isTrue();
        assertThat(counters.tryAdd("images:other", 5, 4)).as("a first request larger than the limit").isFalse();
    }

    @Test
    void concurrentRequestsNeverOvershootTheLimit() throws Exception {
        var counters = new QuotaCounters(new ConcurrentHashMap<>());
        var granted = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 1000; i++) {
            pool.submit(() -> {
                if (counters.tryAdd("k", 1, 100)) {
                    granted.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(granted).hasValue(100);
        assertThat(counters.value("k")).isEqualTo(100);
    }

    @Test
    void subtractingNeverGoesBelowZero() {
        var counters = new QuotaCounters(new ConcurrentHashMap<>());
        counters.tryAdd("in-flight:dana", 1, 5);

        counters.subtract("in-flight:dana", 1);
        counters.subtract("in-flight:dana", 1);
        counters.subtract("in-flight:nobody", 1);

        assertThat(counters.value("in-flight:dana")).isZero();
    }
}
