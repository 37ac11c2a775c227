package com.atelier.integrations.inference;

import com.atelier.governance.generation.GenerationSpec;
import com.atelier.inference.contract.GenerationLimits;
import com.atelier.inference.contract.ModelCatalog;
import com.atelier.inference.contract.ModelContract;
import com.atelier.inference.image.TextToImageRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an accepted spec into the inference client's requests. A job may ask for more images than one Triton call
 * renders, so it is cut into batches; image i of a job always gets seed + i, whatever the batching, so the same
 * seed gives the same picture on every model and every retry.
 */
public final class TritonRenderings {

    private TritonRenderings() {
    }

    static TextToImageRequest batch(String model, GenerationSpec spec, int firstPosition, int count,
                                    GenerationLimits limits) {
        long seed = spec.seed() == null ? 0 : spec.seed();
        var builder = TextToImageRequest.builder(model, spec.prompt())
                .negativePrompt(spec.negativePrompt())
                .seed(seed + firstPosition)
                .size(spec.width(), spec.height())
                .count(count)
                .scheduler(spec.scheduler());
        if (spec.steps() != null) {
            builder.steps(spec.steps());
        }
        if (spec.guidance() != null) {
            builder.guidance(spec.guidance());
        }
        spec.loras().forEach(lora -> builder.lora(lora.name(), lora.weight()));
        return builder.build(limits);
    }

    static TextToImageRequest firstBatch(String model, GenerationSpec spec, GenerationLimits limits) {
        return batch(model, spec, 0, Math.min(spec.count(), limits.maxCount()), limits);
    }

    /** The requests that render all of the spec's images for one model, in position order. */
    public static List<TextToImageRequest> batches(String model, GenerationSpec spec) {
        GenerationLimits limits = ModelCatalog.find(model).flatMap(ModelContract::limits)
                .orElseThrow(() -> new IllegalArgumentException("not a text-to-image model: " + model));
        List<TextToImageRequest> batches = new ArrayList<>();
        for (int first = 0; first < spec.count(); first += limits.maxCount()) {
            batches.add(batch(model, spec, first, Math.min(limits.maxCount(), spec.count() - first), limits));
        }
        return batches;
    }
}
