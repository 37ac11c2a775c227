package com.atelier.governance.library.lora;

import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.library.lora.SafetensorsFile.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Decides whether a safetensors file is a plain LoRA for the declared base family: every tensor is a down or up
 * matrix or an alpha, every layer has both matrices, all share one rank, and every layer name fits the family.
 * Refusals are {@link InvalidInputException}s on field {@code file}.
 */
public final class LoraInspector {

    public static final int MAX_RANK = 1024;

    private enum Part { DOWN, UP, ALPHA }

    private record Suffix(String text, Part part, String format) {
    }

    private static final List<Suffix> SUFFIXES = List.of(
            new Suffix(".lora_down.weight", Part.DOWN, "kohya"),
            new Suffix(".lora_up.weight", Part.UP, "kohya"),
            new Suffix(".lora_A.weight", Part.DOWN, "peft"),
            new Suffix(".lora_B.weight", Part.UP, "peft"),
            new Suffix(".alpha", Part.ALPHA, null));

    private static final class Layer {
        Tensor down;
        Tensor up;
        Tensor alpha;
    }

    private LoraInspector() {
    }

    public static LoraStructure inspect(byte[] file, BaseFamily declared) {
        SafetensorsFile parsed = SafetensorsFile.parse(file);
        Map<String, Layer> layers = new LinkedHashMap<>();
        String format = null;
        for (Tensor tensor : parsed.tensors()) {
            Suffix suffix = SUFFIXES.stream().filter(s -> tensor.name().endsWith(s.text())).findFirst()
                    .orElseThrow(() -> invalid("tensor " + tensor.name() + " is not part of a LoRA: names end in"
                            + " .lora_down.weight/.lora_up.weight (kohya), .lora_A.weight/.lora_B.weight"
                            + " (diffusers/PEFT) or .alpha; LyCORIS (LoHa, LoKr), DoRA and full checkpoints are not"
                            + " accepted"));
            if (suffix.format() != null) {
                format = format == null || format.equals(suffix.format()) ? suffix.format() : "mixed";
            }
            String module = tensor.name().substring(0, tensor.name().length() - suffix.text().length());
            Layer layer = layers.computeIfAbsent(module, m -> new Layer());
            switch (suffix.part()) {
                case DOWN -> layer.down = duplicate(layer.down, tensor);
                case UP -> layer.up = duplicate(layer.up, tensor);
                case ALPHA -> layer.alpha = tensor;
            }
        }
        int rank = 0;
        String rankLayer = null;
        for (var entry : layers.entrySet()) {
            String module = entry.getKey();
            int layerRank = rankOf(module, entry.getValue());
            if (rankLayer == null) {
                rank = layerRank;
                rankLayer = module;
            } else if (layerRank != rank) {
                throw invalid("layer " + module + " has rank " + layerRank + ", but layer " + rankLayer + " has rank "
                        + rank + "; all layers of an adapter must share one rank");
            }
            checkFamily(module, entry.getValue().down, declared);
        }
        return new LoraStructure(rank, layers.size(), format, declared, parsed.metadata());
    }

    private static Tensor duplicate(Tensor earlier, Tensor tensor) {
        if (earlier != null) {
            throw invalid("tensors " + earlier.name() + " and " + tensor.name() + " are the same matrix of one"
                    + " layer in two namings");
        }
        return tensor;
    }

    /** The rank a layer's down and up matrices share: down is [rank, in(, kh, kw)], up is [out, rank(, 1, 1)]. */
    private static int rankOf(String module, Layer layer) {
        if (layer.down == null || layer.up == null) {
            throw invalid("layer " + module + " has " + (layer.down == null ? "no down (lora_down / lora_A)"
                    : "no up (lora_up / lora_B)") + " matrix" + (layer.down == null && layer.up == null
                    ? " nor up matrix, only an alpha" : ""));
        }
        for (Tensor t : List.of(layer.down, layer.up)) {
            if (!t.type().isFloat()) {
                throw invalid("tensor " + t.name() + " has dtype " + t.type() + "; LoRA weights are F16, BF16, F32 or"
                        + " F64");
            }
            if (t.shape().size() != 2 && t.shape().size() != 4) {
                throw invalid("tensor " + t.name() + " has shape " + t.shape() + "; a LoRA matrix has 2 dimensions"
                        + " (linear) or 4 (convolution)");
            }
        }
        if (layer.down.shape().size() != layer.up.shape().size()) {
            throw invalid("layer " + module + ": down " + layer.down.shape() + " and up " + layer.up.shape()
                    + " differ in their number of dimensions");
        }
        long down = layer.down.dim(0);
        long up = layer.up.dim(1);
        if (down != up) {
            throw invalid("layer " + module + ": down matrix " + layer.down.shape() + " has rank " + down + " but up"
                    + " matrix " + layer.up.shape() + " has rank " + up);
        }
        if (down < 1 || down > MAX_RANK) {
            throw invalid("layer " + module + " has rank " + down + "; a rank is between 1 and " + MAX_RANK);
        }
        if (layer.alpha != null && (!layer.alpha.type().isFloat() || layer.alpha.elements() != 1
                || layer.alpha.shape().size() > 1)) {
            throw invalid("tensor " + layer.alpha.name() + " must be one float (shape [] or [1]), not "
                    + layer.alpha.type() + " " + layer.alpha.shape());
        }
        return (int) down;
    }

    private static void checkFamily(String module, Tensor down, BaseFamily declared) {
        Optional<Set<LayerNames.Architecture>> fits = LayerNames.fits(module, OptionalLong.of(down.dim(1)));
        if (fits.isEmpty()) {
            throw invalid("layer " + module + " is not a layer of any known base model in " + String.join(", ",
                    LayerNames.NAMINGS) + " naming; the adapter declares " + declared.code());
        }
        if (fits.get().isEmpty()) {
            throw invalid("layer " + module + " has input width " + down.dim(1) + ", which no base model has for a"
                    + " layer of that name");
        }
        if (!fits.get().contains(declared.architecture())) {
            throw invalid("layer names look like " + LayerNames.describe(fits.get()) + " (" + module
                    + "), but the adapter declares " + declared.code());
        }
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("file", message);
    }
}
