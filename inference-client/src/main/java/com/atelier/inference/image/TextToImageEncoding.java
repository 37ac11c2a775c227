package com.atelier.inference.image;

import static com.atelier.inference.contract.ModelCatalog.GUIDANCE;
import static com.atelier.inference.contract.ModelCatalog.HEIGHT;
import static com.atelier.inference.contract.ModelCatalog.IMAGES;
import static com.atelier.inference.contract.ModelCatalog.LORA_NAMES;
import static com.atelier.inference.contract.ModelCatalog.LORA_WEIGHTS;
import static com.atelier.inference.contract.ModelCatalog.NEGATIVE_PROMPT;
import static com.atelier.inference.contract.ModelCatalog.NUM_IMAGES;
import static com.atelier.inference.contract.ModelCatalog.PROMPT;
import static com.atelier.inference.contract.ModelCatalog.SCHEDULER;
import static com.atelier.inference.contract.ModelCatalog.SEED;
import static com.atelier.inference.contract.ModelCatalog.SEEDS;
import static com.atelier.inference.contract.ModelCatalog.STEPS;
import static com.atelier.inference.contract.ModelCatalog.WIDTH;

import com.atelier.inference.tensor.InferenceRequest;
import com.atelier.inference.tensor.InferenceResult;
import com.atelier.inference.tensor.RawTensor;
import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a {@link TextToImageRequest} out as the pipeline's input tensors (batch of one prompt) and reads
 * the PNGs and per-image seeds back, following {@link com.atelier.inference.contract.ModelCatalog}.
 */
public final class TextToImageEncoding {

    private static final List<Long> ONE = List.of(1L, 1L);

    private TextToImageEncoding() {
    }

    public static InferenceRequest encode(TextToImageRequest request) {
        List<RawTensor> inputs = new ArrayList<>(11);
        inputs.add(RawTensor.strings(PROMPT.name(), ONE, List.of(request.prompt())));
        if (!request.negativePrompt().isEmpty()) {
            inputs.add(RawTensor.strings(NEGATIVE_PROMPT.name(), ONE, List.of(request.negativePrompt())));
        }
        inputs.add(RawTensor.int64(SEED.name(), ONE, request.seed()));
        inputs.add(RawTensor.int64(STEPS.name(), ONE, request.steps()));
        inputs.add(RawTensor.fp32(GUIDANCE.name(), ONE, request.guidance()));
        inputs.add(RawTensor.int64(WIDTH.name(), ONE, request.width()));
        inputs.add(RawTensor.int64(HEIGHT.name(), ONE, request.height()));
        inputs.add(RawTensor.int64(NUM_IMAGES.name(), ONE, request.count()));
        if (!request.scheduler().isEmpty()) {
            inputs.add(RawTensor.strings(SCHEDULER.name(), ONE, List.of(request.scheduler())));
        }
        if (!request.loras().isEmpty()) {
            List<Long> shape = List.of(1L, (long) request.loras().size());
            float[] weights = new float[request.loras().size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = request.loras().get(i).weight();
            }
            inputs.add(RawTensor.strings(LORA_NAMES.name(), shape, request.loras().stream().map(LoraAdapter::name).toList()));
            inputs.add(RawTensor.fp32(LORA_WEIGHTS.name(), shape, weights));
        }
        return InferenceRequest.of(request.model(), inputs, List.of(IMAGES.name(), SEEDS.name()));
    }

    public static List<GeneratedImage> decode(TextToImageRequest request, InferenceResult result, GenerationTimings timings) {
        List<ByteString> pngs = result.requireOutput(IMAGES.name()).asBytesElements();
        long[] seeds = result.requireOutput(SEEDS.name()).asInt64();
        if (pngs.size() != request.count() || seeds.length != request.count()) {
            throw new IllegalArgumentException("Model " + request.model() + " on " + result.endpoint() + " returned "
                    + pngs.size() + " images and " + seeds.length + " seeds for a request of " + request.count());
        }
        List<GeneratedImage> images = new ArrayList<>(pngs.size());
        for (int i = 0; i < pngs.size(); i++) {
            images.add(new GeneratedImage(pngs.get(i).toByteArray(), seeds[i], request.model(), result.modelVersion(),
                    request.width(), request.height(), result.endpoint(), timings));
        }
        return images;
    }
}
