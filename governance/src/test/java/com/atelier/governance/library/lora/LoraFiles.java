package com.atelier.governance.library.lora;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Small safetensors files for tests: LoRAs in the namings trainers really write, and raw headers for breaking. */
final class LoraFiles {

    private LoraFiles() {
    }

    /** A LoRA under construction: layers with their input and output widths, in one key naming. */
    static final class Builder {
        private final SafetensorsWriter writer = new SafetensorsWriter();
        private final String down;
        private final String up;

        private Builder(String down, String up) {
            this.down = down;
            this.up = up;
        }

        Builder layer(String module, int rank, int in, int out) {
            writer.bf16(module + down, new long[]{rank, in}, new float[rank * in]);
            writer.bf16(module + up, new long[]{out, rank}, new float[out * rank]);
            return this;
        }

        Builder alpha(String module, float alpha) {
            writer.f32Scalar(module + ".alpha", alpha);
            return this;
        }

        Builder tensor(String name, TensorType type, long[] shape) {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            writer.tensor(name, type, shape, new byte[(int) n * type.bytes()]);
            return this;
        }

        byte[] bytes() {
            return writer.toBytes();
        }
    }

    static Builder kohya() {
        return new Builder(".lora_down.weight", ".lora_up.weight");
    }

    static Builder peft() {
        return new Builder(".lora_A.weight", ".lora_B.weight");
    }

    /** An SDXL LoRA as kohya's sd-scripts writes it: SGM UNet names, both CLIP text encoders, alphas. */
    static byte[] kohyaSdxl(int rank) {
        return kohya()
                .layer("lora_unet_input_blocks_4_1_transformer_blocks_0_attn1_to_q", rank, 640, 640)
                .alpha("lora_unet_input_blocks_4_1_transformer_blocks_0_attn1_to_q", rank)
                .layer("lora_unet_input_blocks_4_1_transformer_blocks_0_attn2_to_k", rank, 2048, 640)
                .layer("lora_unet_middle_block_1_transformer_blocks_0_attn1_to_out_0", rank, 1280, 1280)
                .layer("lora_unet_output_blocks_0_1_transformer_blocks_1_ff_net_2", rank, 5120, 1280)
                .layer("lora_te1_text_model_encoder_layers_0_self_attn_k_proj", rank, 768, 768)
                .layer("lora_te2_text_model_encoder_layers_0_self_attn_k_proj", rank, 1280, 1280)
                .bytes();
    }

    /** A FLUX.2 dev LoRA in diffusers/PEFT naming: joint blocks with linear_in FFNs, fused single-block projection. */
    static byte[] diffusersFlux2(int rank) {
        return peft()
                .layer("transformer.transformer_blocks.0.attn.to_q", rank, 6144, 6144)
                .layer("transformer.transformer_blocks.0.attn.add_k_proj", rank, 6144, 6144)
                .layer("transformer.transformer_blocks.7.ff.linear_in", rank, 6144, 36864)
                .layer("transformer.single_transformer_blocks.0.attn.to_qkv_mlp_proj", rank, 6144, 55296)
                .layer("transformer.single_transformer_blocks.47.attn.to_out", rank, 24576, 6144)
                .bytes();
    }

    /** An SD3.5 Large LoRA in diffusers/PEFT naming: joint attention with add_q_proj, hidden width 2432. */
    static byte[] diffusersSd35(int rank) {
        return peft()
                .layer("transformer.transformer_blocks.0.attn.to_q", rank, 2432, 2432)
                .layer("transformer.transformer_blocks.0.attn.add_q_proj", rank, 2432, 2432)
                .layer("transformer.transformer_blocks.0.attn.to_add_out", rank, 2432, 2432)
                .layer("transformer.transformer_blocks.37.ff.net.0.proj", rank, 2432, 9728)
                .bytes();
    }

    /** A FLUX.1 LoRA as kohya writes it: per-block modulation and 19 double blocks. */
    static byte[] kohyaFlux1(int rank) {
        return kohya()
                .layer("lora_unet_double_blocks_0_img_attn_qkv", rank, 3072, 9216)
                .layer("lora_unet_double_blocks_18_img_mod_lin", rank, 3072, 18432)
                .layer("lora_unet_single_blocks_0_linear1", rank, 3072, 21504)
                .bytes();
    }

    /** A file with the given header text (no padding) and data buffer size. */
    static byte[] raw(String header, int dataBytes) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(json.length).put(json).array();
    }
}
