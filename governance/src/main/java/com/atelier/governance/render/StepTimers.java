package com.atelier.governance.render;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Times the render chain's steps per model ({@code atelier_render_step_seconds{step,model}} on the metrics
 * endpoint), so an operator sees where a render's time goes: queue wait, render, checks, signing, store, record.
 */
@ApplicationScoped
public class StepTimers {

    static final String METER = "atelier.render.step";

    private MeterRegistry registry;

    protected StepTimers() {
        // for CDI proxies
    }

    @Inject
    public StepTimers(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    /** For tests and callers with a registry of their own. */
    public StepTimers(MeterRegistry registry) {
        this.registry = registry;
    }

    public <T> T time(String step, String model, Supplier<T> work) {
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            record(step, model, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    public void record(String step, String model, Duration took) {
        Timer.builder(METER)
                .description("Time spent in one step of the render chain")
                .tag("step", step)
                .tag("model", model)
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
    }
}
