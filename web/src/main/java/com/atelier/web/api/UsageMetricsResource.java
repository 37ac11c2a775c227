package com.atelier.web.api;

import com.atelier.governance.usage.UsageReport;
import com.atelier.web.security.Caller;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * GET /api/v1/metrics: usage as Prometheus counters (images, blocked images, GPU seconds per workspace and model)
 * for an admin's scraper (bearer token of an admin or a service account with the admin role), followed by this
 * node's operator meters (the render chain's step timers). The usage values are all-time totals read from the
 * assets, so they are the same on every node and survive restarts; the timers are per node since its start.
 */
@Path("/metrics")
@RequestScoped
public class UsageMetricsResource {

    private Caller caller;
    private UsageReport report;
    private PrometheusMeterRegistry operatorMeters;

    public UsageMetricsResource() {
        // for CDI proxies
    }

    @Inject
    public UsageMetricsResource(Caller caller, UsageReport report, PrometheusMeterRegistry operatorMeters) {
        this.caller = caller;
        this.report = report;
        this.operatorMeters = operatorMeters;
    }

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public String scrape() {
        // a registry per scrape: the database holds the counts, the registry only formats them
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        for (UsageReport.UsageTotal total : report.totals(caller.actor())) {
            Tags tags = Tags.of("workspace", total.workspace(), "model", total.model());
            FunctionCounter.builder("atelier.images", total, t -> t.images()).tags(tags)
                    .description("Images generated").register(registry);
            FunctionCounter.builder("atelier.images.blocked", total, t -> t.blocked()).tags(tags)
                    .description("Images blocked by the safety or brand checks").register(registry);
            FunctionCounter.builder("atelier.gpu.seconds", total, UsageReport.UsageTotal::gpuSeconds).tags(tags)
                    .description("GPU time reported by Triton").register(registry);
        }
        try {
            return registry.scrape() + operatorMeters.scrape();
        } finally {
            registry.close();
        }
    }
}
