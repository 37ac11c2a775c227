package com.atelier.governance.library.lora;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which base architectures a LoRA layer could belong to, judged from the layer's name in the three namings that
 * trainers write (kohya/sd-scripts {@code lora_unet_...}, diffusers/PEFT {@code transformer.…}, Black Forest Labs /
 * ComfyUI {@code diffusion_model.…}) and, where names are shared by several architectures, from the layer's input
 * width. The rules and where they come from are listed in docs/libraries.md.
 */
final class LayerNames {

    /** Architectures told apart; FLUX.1 and SD 1.x are not offered but named in refusals. */
    enum Architecture {
        SD1("SD 1.x"), SDXL("SDXL"), FLUX1("FLUX.1"), FLUX2("FLUX.2"), SD3("SD3.5");

        private final String label;

        Architecture(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private static final Set<Architecture> FLUX = EnumSet.of(Architecture.FLUX1, Architecture.FLUX2);
    private static final Set<Architecture> MMDIT = EnumSet.of(Architecture.FLUX1, Architecture.FLUX2,
            Architecture.SD3);
    private static final Set<Architecture> UNET = EnumSet.of(Architecture.SD1, Architecture.SDXL);
    private static final Set<Architecture> CLIP_PAIR = EnumSet.of(Architecture.SDXL, Architecture.SD3,
            Architecture.FLUX1);

    // kohya/sd-scripts
    private static final Pattern KOHYA_SGM_UNET = Pattern.compile(
            "lora_unet_(input_blocks|middle_block|output_blocks)_.*");
    private static final Pattern KOHYA_FLUX = Pattern.compile("lora_unet_(double|single)_blocks_(\\d+)_(.+)");
    private static final Pattern KOHYA_SD3 = Pattern.compile("lora_unet_joint_blocks_\\d+_(x|context)_block_.+");
    private static final Pattern KOHYA_TE = Pattern.compile("lora_te([123]?)_.+");
    // diffusers UNet, kohya's copy of it uses '_' where diffusers uses '.'
    private static final Pattern UNET_BLOCKS = Pattern.compile(
            "(?:lora_unet_|unet\\.)?(down_blocks|mid_block|up_blocks)[._].+");
    // diffusers/PEFT transformers
    private static final Pattern DIFFUSERS_SINGLE = Pattern.compile(
            "(?:transformer\\.)?single_transformer_blocks\\.(\\d+)\\.(.+)");
    private static final Pattern DIFFUSERS_JOINT = Pattern.compile(
            "(?:transformer\\.)?transformer_blocks\\.(\\d+)\\.(.+)");
    private static final Pattern DIFFUSERS_TE = Pattern.compile("text_encoder(_2|_3)?\\..+");
    private static final Pattern DIFFUSERS_GLOBAL = Pattern.compile(
            "(?:transformer\\.)?(x_embedder|context_embedder|time_text_embed|norm_out|proj_out)(\\..+)?");
    // Black Forest Labs / ComfyUI and Stability's own checkpoints
    private static final Pattern BFL_FLUX = Pattern.compile("(?:diffusion_model\\.)?(double|single)_blocks\\.(\\d+)\\.(.+)");
    private static final Pattern SAI_SD3 = Pattern.compile("(?:diffusion_model\\.)?joint_blocks\\.\\d+\\..+");

    /** Layers whose input is the transformer's hidden state: their width tells the architecture apart. */
    private static final Pattern HIDDEN_INPUT = Pattern.compile(
            ".*(to_q|to_k|to_v|add_q_proj|add_k_proj|add_v_proj|qkv|to_qkv_mlp_proj|linear1)");
    private static final Map<Long, Set<Architecture>> HIDDEN_WIDTH = Map.of(
            1536L, EnumSet.of(Architecture.SD3),     // SD3.5 Medium: 24 heads of 64
            2432L, EnumSet.of(Architecture.SD3),     // SD3.5 Large: 38 heads of 64
            3072L, FLUX,                             // FLUX.1 and FLUX.2 klein 4B: 24 heads of 128
            4096L, EnumSet.of(Architecture.FLUX2),   // FLUX.2 klein 9B
            6144L, EnumSet.of(Architecture.FLUX2));  // FLUX.2 dev: 48 heads of 128
    private static final Pattern CROSS_ATTENTION_KV = Pattern.compile(".*attn2[._]to_[kv]");

    private LayerNames() {
    }

    /**
     * The architectures the layer fits; empty optional when the name follows no known naming, an empty set when
     * name and width contradict each other.
     *
     * @param module     the tensor name without its {@code .lora_down.weight}-like suffix
     * @param inputWidth the layer's input features (the down matrix's second dimension), if known
     */
    static Optional<Set<Architecture>> fits(String module, OptionalLong inputWidth) {
        Optional<Set<Architecture>> byName = byName(module);
        if (byName.isEmpty() || inputWidth.isEmpty()) {
            return byName;
        }
        Set<Architecture> fits = EnumSet.noneOf(Architecture.class);
        fits.addAll(byName.get());
        long width = inputWidth.getAsLong();
        if (!fits.contains(Architecture.SD1) && !fits.contains(Architecture.SDXL) && HIDDEN_INPUT.matcher(module)
                .matches() && HIDDEN_WIDTH.containsKey(width)) {
            fits.retainAll(HIDDEN_WIDTH.get(width));
        }
        if (CROSS_ATTENTION_KV.matcher(module).matches()) {
            if (width == 2048) {
                fits.retainAll(EnumSet.of(Architecture.SDXL)); // CLIP-L + CLIP-G context
            } else if (width == 768 || width == 1024) {
                fits.retainAll(EnumSet.of(Architecture.SD1)); // CLIP-L (1.x) or OpenCLIP-H (2.x)
            }
        }
        return Optional.of(fits);
    }

    private static Optional<Set<Architecture>> byName(String m) {
        Matcher match;
        if (KOHYA_SGM_UNET.matcher(m).matches()) {
            return set(Architecture.SDXL);
        }
        if (KOHYA_SD3.matcher(m).matches() || SAI_SD3.matcher(m).matches()) {
            return set(Architecture.SD3);
        }
        if ((match = KOHYA_FLUX.matcher(m)).matches() || (match = BFL_FLUX.matcher(m)).matches()) {
            return Optional.of(flux(match.group(1).equals("double"), Integer.parseInt(match.group(2)),
                    match.group(3).replace('.', '_')));
        }
        if ((match = KOHYA_TE.matcher(m)).matches()) {
            return Optional.of(switch (match.group(1)) {
                case "" -> EnumSet.of(Architecture.SD1);
                case "3" -> EnumSet.of(Architecture.SD3); // T5-XXL
                default -> EnumSet.copyOf(CLIP_PAIR);
            });
        }
        if ((match = DIFFUSERS_TE.matcher(m)).matches()) {
            Set<Architecture> fits = EnumSet.copyOf(CLIP_PAIR);
            if (match.group(1) == null) {
                fits.add(Architecture.SD1);
            } else if (match.group(1).equals("_3")) {
                fits = EnumSet.of(Architecture.SD3);
            }
            return Optional.of(fits);
        }
        if (UNET_BLOCKS.matcher(m).matches()) {
            return Optional.of(unet(m.replace('.', '_')));
        }
        if ((match = DIFFUSERS_SINGLE.matcher(m)).matches()) {
            return Optional.of(diffusersSingle(Integer.parseInt(match.group(1)), match.group(2)));
        }
        if ((match = DIFFUSERS_JOINT.matcher(m)).matches()) {
            return Optional.of(diffusersJoint(Integer.parseInt(match.group(1)), match.group(2)));
        }
        if (DIFFUSERS_GLOBAL.matcher(m).matches()) {
            return Optional.of(EnumSet.copyOf(MMDIT));
        }
        return Optional.empty();
    }

    /** FLUX double/single blocks in kohya or BFL naming; {@code rest} with '_' separators. */
    private static Set<Architecture> flux(boolean doubleBlock, int index, String rest) {
        Set<Architecture> fits = EnumSet.copyOf(FLUX);
        // FLUX.1 modulates per block (img_mod.lin, txt_mod.lin, modulation.lin); FLUX.2 once for all blocks
        if (rest.matches("(img_mod|txt_mod|modulation)_lin")) {
            fits.retainAll(EnumSet.of(Architecture.FLUX1));
        }
        if (doubleBlock && index >= 8) {
            fits.remove(Architecture.FLUX2); // FLUX.2 dev has 8 double blocks, FLUX.1 has 19
        }
        if (!doubleBlock && index >= 38) {
            fits.remove(Architecture.FLUX1); // FLUX.1 has 38 single blocks, FLUX.2 dev 48
        }
        return fits;
    }

    private static Set<Architecture> diffusersSingle(int index, String rest) {
        Set<Architecture> fits = EnumSet.copyOf(FLUX);
        if (rest.startsWith("attn.to_qkv_mlp_proj")) {
            fits.retainAll(EnumSet.of(Architecture.FLUX2));
        } else if (rest.startsWith("proj_mlp") || rest.startsWith("proj_out") || rest.startsWith("norm.linear")) {
            fits.retainAll(EnumSet.of(Architecture.FLUX1));
        }
        if (index >= 38) {
            fits.remove(Architecture.FLUX1);
        }
        return fits;
    }

    private static Set<Architecture> diffusersJoint(int index, String rest) {
        Set<Architecture> fits = EnumSet.copyOf(MMDIT);
        if (rest.matches("ff(_context)?\\.linear_(in|out).*")) {
            fits.retainAll(EnumSet.of(Architecture.FLUX2));
        } else if (rest.matches("(ff(_context)?\\.net\\.|norm1(_context)?\\.linear).*")) {
            fits.remove(Architecture.FLUX2);
        } else if (rest.startsWith("attn2.")) {
            fits.retainAll(EnumSet.of(Architecture.SD3)); // SD3.5 Medium's MMDiT-X blocks
        }
        if (index >= 8) {
            fits.remove(Architecture.FLUX2);
        }
        if (index >= 19) {
            fits.remove(Architecture.FLUX1);
        }
        return fits;
    }

    /** A diffusers-named UNet layer ('_' separators): SDXL has no attention in down block 0, SD 1.x has. */
    private static Set<Architecture> unet(String m) {
        Set<Architecture> fits = EnumSet.copyOf(UNET);
        if (m.contains("down_blocks_0_attentions") || m.contains("down_blocks_3") || m.contains("up_blocks_3")
                || m.contains("up_blocks_2_attentions")) {
            fits.retainAll(EnumSet.of(Architecture.SD1));
        }
        if (m.contains("up_blocks_0_attentions") || m.matches(".*transformer_blocks_[1-9].*")) {
            fits.retainAll(EnumSet.of(Architecture.SDXL));
        }
        return fits;
    }

    private static Optional<Set<Architecture>> set(Architecture architecture) {
        return Optional.of(EnumSet.of(architecture));
    }

    static String describe(Set<Architecture> fits) {
        return fits.stream().map(Architecture::label).collect(Collectors.joining(" or "));
    }

    static final List<String> NAMINGS = List.of("kohya (lora_unet_..., lora_te1_...)",
            "diffusers/PEFT (transformer.…, unet.…, text_encoder.…)", "BFL/ComfyUI (diffusion_model.…)");
}
