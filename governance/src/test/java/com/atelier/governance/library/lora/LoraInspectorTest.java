package com.atelier.governance.library.lora;

import com.atelier.governance.failure.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoraInspectorTest {

    private static void refused(byte[] file, BaseFamily family, String... message) {
        assertThatThrownBy(() -> LoraInspector.inspect(file, family))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @Test
    void acceptsAKohyaSdxlLoraAndFindsItsRank() {
        LoraStructure structure = LoraInspector.inspect(LoraFiles.kohyaSdxl(8), BaseFamily.SDXL);

        assertThat(structure.rank()).isEqualTo(8);
        assertThat(structure.layerCount()).isEqualTo(6);
        assertThat(structure.keyFormat()).isEqualTo("kohya");
    }

    @Test
    void acceptsADiffusersFlux2Lora() {
        LoraStructure structure = LoraInspector.inspect(LoraFiles.diffusersFlux2(4), BaseFamily.FLUX2);

        assertThat(structure.rank()).isEqualTo(4);
        assertThat(structure.keyFormat()).isEqualTo("peft");
    }

    @Test
    void acceptsADiffusersSd35Lora() {
        assertThat(LoraInspector.inspect(LoraFiles.diffusersSd35(4), BaseFamily.SD35).layerCount()).isEqualTo(4);
    }

    @Test
    void acceptsKohyaSd3AndBflFlux2Namings() {
        byte[] sd3 = LoraFiles.kohya()
                .layer("lora_unet_joint_blocks_0_x_block_attn_qkv", 4, 2432, 7296)
                .layer("lora_unet_joint_blocks_0_context_block_mlp_fc1", 4, 2432, 9728)
                .layer("lora_te3_encoder_block_0_layer_0_SelfAttention_q", 4, 4096, 4096)
                .bytes();
        byte[] flux2 = LoraFiles.peft()
                .layer("diffusion_model.double_blocks.0.img_attn.qkv", 4, 6144, 18432)
                .layer("diffusion_model.single_blocks.40.linear2", 4, 24576, 6144)
                .bytes();

        assertThat(LoraInspector.inspect(sd3, BaseFamily.SD35).rank()).isEqualTo(4);
        assertThat(LoraInspector.inspect(flux2, BaseFamily.FLUX2).rank()).isEqualTo(4);
    }

    @Test
    void refusesAnSdxlLoraDeclaredForFlux2NamingTheLayer() {
        refused(LoraFiles.kohyaSdxl(8), BaseFamily.FLUX2, "layer names look like SDXL"
                + " (lora_unet_input_blocks_4_1_transformer_blocks_0_attn1_to_q), but the adapter declares flux2");
    }

    @Test
    void refusesAFlux2LoraDeclaredForSdxlAndTheOtherWayRound() {
        refused(LoraFiles.diffusersFlux2(4), BaseFamily.SDXL, "look like FLUX.2", "declares sdxl");
        refused(LoraFiles.diffusersSd35(4), BaseFamily.FLUX2, "look like SD3.5", "declares flux2");
        refused(LoraFiles.diffusersFlux2(4), BaseFamily.SD35, "look like FLUX.2", "declares sd35");
    }

    @Test
    void refusesAFlux1LoraForFlux2() {
        refused(LoraFiles.kohyaFlux1(4), BaseFamily.FLUX2, "look like FLUX.1 (lora_unet_double_blocks_18_img_mod_lin)");
    }

    @Test
    void tellsSharedJointNamesApartByHiddenWidth() {
        byte[] sd35Medium = LoraFiles.peft().layer("transformer.transformer_blocks.0.attn.to_q", 4, 1536, 1536)
                .bytes();

        assertThat(LoraInspector.inspect(sd35Medium, BaseFamily.SD35).rank()).isEqualTo(4);
        refused(sd35Medium, BaseFamily.FLUX2, "look like SD3.5 (transformer.transformer_blocks.0.attn.to_q)");
    }

    @Test
    void refusesAnSd15LoraForSdxl() {
        byte[] sd15 = LoraFiles.kohya()
                .layer("lora_unet_down_blocks_0_attentions_0_transformer_blocks_0_attn2_to_k", 4, 768, 320)
                .layer("lora_te_text_model_encoder_layers_0_self_attn_q_proj", 4, 768, 768)
                .bytes();

        refused(sd15, BaseFamily.SDXL, "look like SD 1.x");
    }

    @Test
    void refusesLayerNamesOfNoKnownModel() {
        byte[] llm = LoraFiles.peft().layer("base_model.model.layers.0.self_attn.q_proj", 4, 4096, 4096).bytes();

        refused(llm, BaseFamily.SDXL, "layer base_model.model.layers.0.self_attn.q_proj is not a layer of any known"
                + " base model");
    }

    @Test
    void refusesRanksThatDisagree() {
        byte[] file = LoraFiles.kohya()
                .layer("lora_unet_input_blocks_4_1_transformer_blocks_0_attn1_to_q", 8, 640, 640)
                .layer("lora_unet_input_blocks_4_1_transformer_blocks_0_attn1_to_k", 16, 640, 640)
                .bytes();

        refused(file, BaseFamily.SDXL, "has rank 16, but layer lora_unet_input_blocks_4_1_transformer_blocks_0_attn1_to_q"
                + " has rank 8");
    }

    @Test
    void refusesADownMatrixWhoseRankDiffersFromItsUpMatrix() {
        byte[] file = LoraFiles.kohya()
                .tensor("lora_unet_middle_block_1_proj_in.lora_down.weight", TensorType.F16, new long[]{8, 1280})
                .tensor("lora_unet_middle_block_1_proj_in.lora_up.weight", TensorType.F16, new long[]{1280, 4})
                .bytes();

        refused(file, BaseFamily.SDXL, "has rank 8 but up matrix [1280, 4] has rank 4");
    }

    @Test
    void refusesHalfLayersForeignTensorsAndIntegerWeights() {
        refused(LoraFiles.kohya().tensor("lora_unet_middle_block_1_proj_in.lora_down.weight", TensorType.F16,
                new long[]{4, 1280}).bytes(), BaseFamily.SDXL, "has no up (lora_up / lora_B) matrix");
        refused(LoraFiles.kohya().tensor("model.diffusion_model.input_blocks.0.0.weight", TensorType.F16,
                new long[]{4, 4}).bytes(), BaseFamily.SDXL, "is not part of a LoRA", "LyCORIS");
        refused(LoraFiles.kohya()
                .tensor("lora_unet_middle_block_1_proj_in.lora_down.weight", TensorType.I32, new long[]{4, 1280})
                .tensor("lora_unet_middle_block_1_proj_in.lora_up.weight", TensorType.F16, new long[]{1280, 4})
                .bytes(), BaseFamily.SDXL, "has dtype I32; LoRA weights are F16, BF16, F32 or F64");
        refused(LoraFiles.kohya().layer("lora_unet_middle_block_1_proj_in", 4, 1280, 1280)
                .tensor("lora_unet_middle_block_1_proj_in.alpha", TensorType.F32, new long[]{2}).bytes(),
                BaseFamily.SDXL, "must be one float");
    }

    @Test
    void refusesBrokenContainersBeforeLookingAtLayers() {
        byte[] file = LoraFiles.kohyaSdxl(4);
        byte[] truncated = java.util.Arrays.copyOf(file, file.length - 10);

        refused(truncated, BaseFamily.SDXL, "reach beyond the data buffer");
    }
}
