package com.atelier.integrations.inference;

import com.atelier.governance.generation.GenerationSpec;
import com.atelier.governance.render.RenderOutput;
import com.atelier.governance.render.Renderer;
import com.atelier.inference.image.GeneratedImage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The {@link Renderer} port over Triton: one text-to-image call per batch the model's contract allows. */
@ApplicationScoped
public class TritonRenderer implements Renderer {

    private static final Duration CALL_DEADLINE = Duration.ofMinutes(2);

    private TritonConnection triton;

    protected TritonRenderer() {
        // for CDI proxies
    }

    @Inject
    public TritonRenderer(TritonConnection triton) {
        this.triton = triton;
    }

    @Override
    public Rendering render(String model, GenerationSpec spec) {
        List<RenderOutput> images = new ArrayList<>();
        long gpuMillis = 0;
        int position = 0;
        for (var request : TritonRenderings.batches(model, spec)) {
            List<GeneratedImage> result = triton.client().generate(request, CALL_DEADLINE);
            // Triton reports the compute time of the call; each image of the batch gets its share
            long callMillis = result.stream().findFirst()
                    .flatMap(image -> image.timings().serverComputeAverage())
                    .map(Duration::toMillis).orElse(0L);
            gpuMillis += callMillis;
            for (GeneratedImage image : result) {
                images.add(RenderOutput.rendered(model, image.modelVersion(), position++, image.seed(), image.width(),
                        image.height(), image.png(), callMillis / result.size()));
            }
        }
        return new Rendering(images, gpuMillis);
    }
}
