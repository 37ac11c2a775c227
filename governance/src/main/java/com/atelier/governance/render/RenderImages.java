package com.atelier.governance.render;

import com.atelier.governance.generation.GenerationSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/** The render step: every image of the job, model by model, from the {@link Renderer}. */
@ApplicationScoped
public class RenderImages implements RenderStep {

    private Renderer renderer;
    private StepTimers timers;

    protected RenderImages() {
        // for CDI proxies
    }

    @Inject
    public RenderImages(Renderer renderer, StepTimers timers) {
        this.renderer = renderer;
        this.timers = timers;
    }

    @Override
    public RenderWork apply(RenderWork work) {
        GenerationSpec spec = work.ticket().spec();
        List<RenderOutput> images = new ArrayList<>();
        long gpuMillis = 0;
        for (String model : spec.models()) {
            Renderer.Rendering rendering = timers.time("render", model, () -> renderer.render(model, spec));
            images.addAll(rendering.images());
            gpuMillis += rendering.gpuMillis();
        }
        return work.withOutputs(images, gpuMillis);
    }
}
