package com.atelier.governance.library.lora;

import com.atelier.governance.failure.InvalidInputException;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The base-model families a LoRA adapter can be trained for; an adapter only loads into models of its family. */
public enum BaseFamily {
    FLUX2("flux2", "FLUX.2", LayerNames.Architecture.FLUX2),
    SDXL("sdxl", "SDXL", LayerNames.Architecture.SDXL),
    SD35("sd35", "SD3.5", LayerNames.Architecture.SD3);

    private final String code;
    private final String label;
    private final LayerNames.Architecture architecture;

    BaseFamily(String code, String label, LayerNames.Architecture architecture) {
        this.code = code;
        this.label = label;
        this.architecture = architecture;
    }

    /** The name in the API and the database: flux2, sdxl, sd35. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    LayerNames.Architecture architecture() {
        return architecture;
    }

    public static Optional<BaseFamily> of(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }

    /** The family for the API's {@code family} field, or a refusal naming the known ones. */
    public static BaseFamily parse(String field, String code) {
        return of(code).orElseThrow(() -> new InvalidInputException(field, "The base-model family is one of "
                + codes() + " (was '" + code + "')."));
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(BaseFamily::code).toList();
    }

    /**
     * The family of a portal model: {@code flux2}, {@code sdxl} and {@code sd35-large} are the models offered now;
     * variants named with the family as prefix ({@code sd35-medium}, {@code flux2-klein}) map the same way.
     */
    public static Optional<BaseFamily> ofModel(String model) {
        if (model == null) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(f -> model.equals(f.code) || model.startsWith(f.code + "-"))
                .findFirst();
    }
}
