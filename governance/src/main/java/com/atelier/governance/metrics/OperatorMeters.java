package com.atelier.governance.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The node's one meter registry for operators (step timers of the render chain and the like), in the Prometheus
 * format so that {@code GET /api/v1/metrics} can print it. Per node: a scraper reads every node.
 */
@ApplicationScoped
public class OperatorMeters {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /** A pseudo-scoped producer: the registry has no constructor a client proxy could use. */
    @Produces
    @Singleton
    PrometheusMeterRegistry registry() {
        return registry;
    }

    @PreDestroy
    void close() {
        registry.close();
    }
}
