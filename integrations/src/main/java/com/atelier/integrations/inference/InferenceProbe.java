package com.atelier.integrations.inference;

import com.atelier.governance.health.DependencyProbe;
import com.atelier.governance.health.DependencyStatus;
import com.atelier.inference.endpoint.EndpointHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;

/**
 * Reports each Triton endpoint (live, ready, models ready). Inference is up while at least one endpoint is ready:
 * the client routes around the others, so one pod down degrades capacity, not service.
 */
@ApplicationScoped
public class InferenceProbe implements DependencyProbe {

    private TritonConnection connection;

    protected InferenceProbe() {
        // for CDI proxies
    }

    @Inject
    public InferenceProbe(TritonConnection connection) {
        this.connection = connection;
    }

    @Override
    public String dependency() {
        return "inference";
    }

    @Override
    public DependencyStatus check(Duration timeout) {
        long start = System.nanoTime();
        List<EndpointHealth> endpoints = connection.client().health(timeout);
        long millis = DependencyStatus.millisSince(start);
        List<DependencyStatus> parts = endpoints.stream()
                .map(e -> new DependencyStatus(e.target(), e.live() && e.ready(),
                        e.ready() ? "ready: " + String.join(", ", e.readyModels()) : e.detail(), millis, List.of()))
                .toList();
        long ready = parts.stream().filter(DependencyStatus::up).count();
        String detail = ready + " of " + parts.size() + " Triton endpoints ready"
                + (ready == 0 ? "; generation requests stay queued until one is back" : "");
        return new DependencyStatus(dependency(), ready > 0, detail, millis, parts);
    }
}
