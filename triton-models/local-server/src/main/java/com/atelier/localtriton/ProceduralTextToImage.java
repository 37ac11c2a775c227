package com.atelier.localtriton;

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

import com.atelier.inference.contract.GenerationLimits;
import com.atelier.inference.image.ImagePixels;
import com.atelier.inference.image.LoraAdapter;
import com.atelier.inference.image.TextToImageRequest;
import com.atelier.inference.tensor.RawTensor;
import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A text-to-image model of the local server: the same tensors as the GPU pipeline, answered with
 * {@link ProceduralRenderer} images encoded as PNG. Not a diffusion model.
 */
public final class ProceduralTextToImage implements ServedModel {

    private final ProceduralRenderer renderer;
    private final ResponseCache<TextToImageRequest> cache;

    public ProceduralTextToImage(ProceduralRenderer renderer, ResponseCache<TextToImageRequest> cache) {
        this.renderer = renderer;
        this.cache = cache;
    }

    @Override
    public Execution prepare(RequestTensors inputs) {
        TextToImageRequest request = decode(inputs);
        Optional<List<RawTensor>> cached = cache.find(request);
        if (cached.isPresent()) {
            return new Execution(cached::get, true);
        }
        return new Execution(() -> {
            List<RawTensor> outputs = render(request);
            cache.put(request, outputs);
            return outputs;
        }, false);
    }

    static TextToImageRequest decode(RequestTensors inputs) {
        if (inputs.batchSize() != 1) {
            throw RequestTensors.invalid("local-triton takes one prompt per request (batch dimension 1, got "
                    + inputs.batchSize() + "); send separate requests and let dynamic batching group them");
        }
        GenerationLimits limits = inputs.contract().limits().orElseThrow();
        List<LoraAdapter> loras = new ArrayList<>();
        if (inputs.find(LORA_NAMES.name()).isPresent() || inputs.find(LORA_WEIGHTS.name()).isPresent()) {
            List<ByteString> names = inputs.require(LORA_NAMES.name()).asBytesElements();
            float[] weights = inputs.require(LORA_WEIGHTS.name()).asFp32();
            if (names.size() != weights.length) {
                throw RequestTensors.invalid("LORA_NAMES has " + names.size() + " entries but LORA_WEIGHTS has " + weights.length);
            }
            for (int i = 0; i < weights.length; i++) {
                loras.add(new LoraAdapter(names.get(i).toStringUtf8(), weights[i]));
            }
        }
        TextToImageRequest request = new TextToImageRequest(
                inputs.contract().name(),
                inputs.text(PROMPT.name(), ""),
                inputs.text(NEGATIVE_PROMPT.name(), ""),
                inputs.int64(SEED.name()),
                Math.toIntExact(inputs.int64(STEPS.name())),
                inputs.fp32(GUIDANCE.name()),
                Math.toIntExact(inputs.int64(WIDTH.name())),
                Math.toIntExact(inputs.int64(HEIGHT.name())),
                Math.toIntExact(inputs.int64(NUM_IMAGES.name())),
                loras,
                inputs.text(SCHEDULER.name(), limits.defaultScheduler()));
        List<String> violations = request.violations(limits);
        if (!violations.isEmpty()) {
            throw RequestTensors.invalid(String.join("; ", violations));
        }
        return request;
    }

    private List<RawTensor> render(TextToImageRequest request) {
        List<byte[]> pngs = new ArrayList<>(request.count());
        long[] seeds = new long[request.count()];
        for (int i = 0; i < request.count(); i++) {
            int[] rgb = renderer.render(request, i);
            pngs.add(ImagePixels.writePng(ImagePixels.fromArgb(rgb, request.width(), request.height())));
            seeds[i] = request.seed() + i;
        }
        List<Long> shape = List.of(1L, (long) request.count());
        return List.of(RawTensor.bytes(IMAGES.name(), shape, pngs), RawTensor.int64(SEEDS.name(), shape, seeds));
    }
}
