package com.atelier.inference.contract;

import static com.atelier.inference.contract.TensorType.BYTES;
import static com.atelier.inference.contract.TensorType.FP16;
import static com.atelier.inference.contract.TensorType.FP32;
import static com.atelier.inference.contract.TensorType.INT64;
import static com.atelier.inference.contract.TensorType.UINT8;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The single source of truth for the models Atelier serves on Triton: the typed client encodes from
 * it, the CPU server serves it, and a test holds every config.pbtxt of the model repository to it.
 */
public final class ModelCatalog {

    // Text-to-image pipelines: one request is one prompt (batch dimension 1) producing NUM_IMAGES images.
    public static final TensorSpec PROMPT = TensorSpec.required("PROMPT", BYTES, 1);
    public static final TensorSpec NEGATIVE_PROMPT = TensorSpec.optional("NEGATIVE_PROMPT", BYTES, 1);
    public static final TensorSpec SEED = TensorSpec.required("SEED", INT64, 1);
    public static final TensorSpec STEPS = TensorSpec.required("STEPS", INT64, 1);
    public static final TensorSpec GUIDANCE = TensorSpec.required("GUIDANCE", FP32, 1);
    public static final TensorSpec WIDTH = TensorSpec.required("WIDTH", INT64, 1);
    public static final TensorSpec HEIGHT = TensorSpec.required("HEIGHT", INT64, 1);
    public static final TensorSpec NUM_IMAGES = TensorSpec.required("NUM_IMAGES", INT64, 1);
    public static final TensorSpec SCHEDULER = TensorSpec.optional("SCHEDULER", BYTES, 1);
    public static final TensorSpec LORA_NAMES = TensorSpec.optional("LORA_NAMES", BYTES, -1);
    public static final TensorSpec LORA_WEIGHTS = TensorSpec.optional("LORA_WEIGHTS", FP32, -1);
    /** PNG-encoded images, one element per image. */
    public static final TensorSpec IMAGES = TensorSpec.required("IMAGES", BYTES, -1);
    /** The seed each image was rendered with (SEED + index), so any single image can be reproduced. */
    public static final TensorSpec SEEDS = TensorSpec.required("SEEDS", INT64, -1);

    // Safety classifier: an RGB image (HWC, UINT8) in, one score in [0, 1] per category out.
    public static final TensorSpec SAFETY_IMAGE = TensorSpec.required("IMAGE", UINT8, -1, -1, 3);
    public static final List<String> SAFETY_CATEGORIES =
            List.of("sexual", "violence", "gore", "hate_symbols", "self_harm");
    public static final TensorSpec SAFETY_SCORES = TensorSpec.required("SCORES", FP32, SAFETY_CATEGORIES.size());

    // 4x upscaler: an RGB image (CHW, FP16 in [0, 1]) in, the same four times larger out.
    public static final TensorSpec UPSCALE_IMAGE = TensorSpec.required("IMAGE", FP16, 3, -1, -1);
    public static final TensorSpec UPSCALED_IMAGE = TensorSpec.required("UPSCALED", FP16, 3, -1, -1);
    public static final int UPSCALE_FACTOR = 4;
    /** Largest input side: 512 px in gives 2048 px out, the largest image the portal handles. */
    public static final int UPSCALE_MAX_INPUT_SIDE = 512;

    private static final List<TensorSpec> TEXT_TO_IMAGE_INPUTS = List.of(
            PROMPT, NEGATIVE_PROMPT, SEED, STEPS, GUIDANCE, WIDTH, HEIGHT, NUM_IMAGES, SCHEDULER,
            LORA_NAMES, LORA_WEIGHTS);
    private static final List<TensorSpec> TEXT_TO_IMAGE_OUTPUTS = List.of(IMAGES, SEEDS);
    private static final int TEXT_TO_IMAGE_MAX_BATCH = 4;
    private static final List<String> FLOW_MATCHING_SCHEDULERS = List.of("flow_match_euler");

    public static final ModelContract FLUX2 = textToImage("flux2",
            "FLUX.2: rectified-flow transformer, flow-matching sampler",
            new GenerationLimits(16, 256, 2048, 1, 100, 28, 0f, 20f, 4.0f, 4, 4, 2f, FLOW_MATCHING_SCHEDULERS));
    public static final ModelContract SDXL = textToImage("sdxl",
            "Stable Diffusion XL 1.0: two CLIP text encoders, UNet denoiser",
            new GenerationLimits(8, 512, 2048, 1, 100, 30, 0f, 20f, 7.0f, 4, 4, 2f,
                    List.of("euler", "euler_ancestral", "dpmpp_2m", "dpmpp_2m_karras", "ddim")));
    public static final ModelContract SD35_LARGE = textToImage("sd35-large",
            "Stable Diffusion 3.5 Large: CLIP-L, CLIP-G and T5-XXL text encoders, MMDiT, flow matching",
            new GenerationLimits(16, 512, 2048, 1, 100, 28, 0f, 20f, 3.5f, 4, 4, 2f, FLOW_MATCHING_SCHEDULERS));
    public static final ModelContract SAFETY_CHECKER = new ModelContract("safety_checker",
            ModelKind.SAFETY_CLASSIFIER, "image classifier: one score per safety category", 8,
            List.of(SAFETY_IMAGE), List.of(SAFETY_SCORES), Optional.empty());
    public static final ModelContract UPSCALER_4X = new ModelContract("upscaler_4x",
            ModelKind.UPSCALER, "4x super-resolution (Real-ESRGAN class network)", 4,
            List.of(UPSCALE_IMAGE), List.of(UPSCALED_IMAGE), Optional.empty());

    private static final Map<String, ModelContract> BY_NAME = List.of(FLUX2, SDXL, SD35_LARGE, SAFETY_CHECKER, UPSCALER_4X)
            .stream()
            .collect(Collectors.toUnmodifiableMap(ModelContract::name, Function.identity()));

    private ModelCatalog() {
    }

    public static Optional<ModelContract> find(String modelName) {
        return Optional.ofNullable(BY_NAME.get(modelName));
    }

    /** Every model, text-to-image pipelines first, in a stable order. */
    public static List<ModelContract> all() {
        return List.of(FLUX2, SDXL, SD35_LARGE, SAFETY_CHECKER, UPSCALER_4X);
    }

    public static List<String> names() {
        return all().stream().map(ModelContract::name).toList();
    }

    public static List<String> textToImageNames() {
        return all().stream().filter(model -> model.kind() == ModelKind.TEXT_TO_IMAGE).map(ModelContract::name).toList();
    }

    private static ModelContract textToImage(String name, String description, GenerationLimits limits) {
        return new ModelContract(name, ModelKind.TEXT_TO_IMAGE, description, TEXT_TO_IMAGE_MAX_BATCH,
                TEXT_TO_IMAGE_INPUTS, TEXT_TO_IMAGE_OUTPUTS, Optional.of(limits));
    }
}
