package com.atelier.inference.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.atelier.inference.contract.ModelCatalog;
import com.atelier.inference.tensor.InferenceRequest;
import com.atelier.inference.tensor.RawTensor;
import org.junit.jupiter.api.Test;

class TextToImageRequestTest {

    @Test
    void builderTakesTheModelDefaults() {
        TextToImageRequest request = TextToImageRequest.builder("sdxl", "a cat").build();

        assertThat(request.steps()).isEqualTo(30);
        assertThat(request.guidance()).isEqualTo(7.0f);
        assertThat(request.scheduler()).isEqualTo("euler");
        assertThat(request.violations(ModelCatalog.SDXL.limits().orElseThrow())).isEmpty();
    }

    @Test
    void explainsEveryViolationWithWhatToChange() {
        TextToImageRequest request = TextToImageRequest.builder("flux2", " ").size(1000, 4096).steps(0).guidance(50f)
                .count(9).lora("a", 3f).build();

        assertThat(request.violations(ModelCatalog.FLUX2.limits().orElseThrow())).containsExactly(
                "prompt must not be empty",
                "width must be a multiple of 16 (was 1000; try 992 or 1008)",
                "height must be between 256 and 2048 pixels (was 4096)",
                "steps must be between 1 and 100 (was 0)",
                "guidance must be between 0.0 and 20.0 (was 50.0)",
                "count must be between 1 and 4 (was 9)",
                "LoRA 'a' weight must be between -2.0 and 2.0 (was 3.0)");
    }

    @Test
    void encodesContractTensorsInOrderLeavingOutAbsentOptionalOnes() {
        TextToImageRequest request = TextToImageRequest.builder("sdxl", "a cat").seed(7).lora("ink", 0.8f).build();

        InferenceRequest encoded = TextToImageEncoding.encode(request);

        assertThat(encoded.inputs()).extracting(RawTensor::name).containsExactly(
                "PROMPT", "SEED", "STEPS", "GUIDANCE", "WIDTH", "HEIGHT", "NUM_IMAGES", "SCHEDULER", "LORA_NAMES", "LORA_WEIGHTS");
        assertThat(encoded.inputs()).allSatisfy(tensor -> assertThat(ModelCatalog.SDXL.input(tensor.name()))
                .hasValueSatisfying(spec -> assertThat(spec.type()).isEqualTo(tensor.type())));
        assertThat(encoded.toProto().getRawInputContentsCount()).isEqualTo(10);
        assertThat(encoded.inputs().get(1).asInt64()).containsExactly(7L);
    }
}
