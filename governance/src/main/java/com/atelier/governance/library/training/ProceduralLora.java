package com.atelier.governance.library.training;

import com.atelier.governance.library.lora.BaseFamily;
import com.atelier.governance.library.lora.SafetensorsWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A LoRA file with the real layer names, widths and rank of a family but deterministic pseudo-random weights. It
 * loads like a LoRA and passes inspection; it has learned nothing. Its metadata says so.
 */
public final class ProceduralLora {

    public static final String NOTE = "Pseudo-random weights made by Atelier's ProceduralTrainingBackend so that"
            + " the training flow runs end to end without a GPU trainer. NOT a trained model.";

    private record Layer(String name, int in, int out) {
    }

    private ProceduralLora() {
    }

    public static byte[] generate(BaseFamily family, int rank, long seed, Map<String, String> metadata) {
        SafetensorsWriter writer = new SafetensorsWriter()
                .metadata("atelier.procedural", "true")
                .metadata("atelier.note", NOTE)
                .metadata("ss_network_dim", Integer.toString(rank))
                .metadata("ss_network_alpha", Integer.toString(rank))
                .metadata("atelier.base_family", family.code());
        metadata.forEach(writer::metadata);
        SplittableRandom random = new SplittableRandom(seed);
        boolean kohya = family == BaseFamily.SDXL;
        for (Layer layer : layers(family)) {
            writer.bf16(layer.name() + (kohya ? ".lora_down.weight" : ".lora_A.weight"), new long[]{rank, layer.in()},
                    values(random, rank * layer.in(), 1.0 / Math.sqrt(layer.in())));
            // real trainers start the up matrix at zero; small values keep the file from being a no-op
            writer.bf16(layer.name() + (kohya ? ".lora_up.weight" : ".lora_B.weight"), new long[]{layer.out(), rank},
                    values(random, layer.out() * rank, 1e-3));
            if (kohya) {
                writer.f32Scalar(layer.name() + ".alpha", rank);
            }
        }
        return writer.toBytes();
    }

    private static float[] values(SplittableRandom random, int n, double scale) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
        }
        return values;
    }

    /** Attention projections of the first blocks, in the naming each family's trainers write most often. */
    private static List<Layer> layers(BaseFamily family) {
        List<Layer> layers = new ArrayList<>();
        switch (family) {
            case SDXL -> {
                for (String block : List.of("input_blocks_4_1", "input_blocks_7_1", "middle_block_1")) {
                    int width = block.startsWith("input_blocks_4") ? 640 : 1280;
                    String prefix = "lora_unet_" + block + "_transformer_blocks_0_";
                    for (String proj : List.of("attn1_to_q", "attn1_to_k", "attn1_to_v")) {
                        layers.add(new Layer(prefix + proj, width, width));
                    }
                    layers.add(new Layer(prefix + "attn2_to_k", 2048, width));
                }
            }
            case FLUX2 -> {
                for (int block = 0; block < 2; block++) {
                    for (String proj : List.of("to_q", "to_k", "to_v", "add_q_proj")) {
                        layers.add(new Layer("transformer.transformer_blocks." + block + ".attn." + proj, 6144, 6144));
                    }
                }
            }
            case SD35 -> {
                for (int block = 0; block < 2; block++) {
                    for (String proj : List.of("to_q", "to_k", "to_v", "add_q_proj")) {
                        layers.add(new Layer("transformer.transformer_blocks." + block + ".attn." + proj, 2432, 2432));
                    }
                }
            }
        }
        return layers;
    }
}
