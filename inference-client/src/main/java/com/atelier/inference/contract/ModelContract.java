package com.atelier.inference.contract;

import java.util.List;
import java.util.Optional;

/**
 * The signature of one model Atelier calls on Triton: what the client sends, what the CPU server
 * serves, and what config.pbtxt must declare. {@link ModelCatalog} holds the instances.
 *
 * @param limits present for text-to-image pipelines only
 */
public record ModelContract(
        String name,
        ModelKind kind,
        String description,
        int maxBatchSize,
        List<TensorSpec> inputs,
        List<TensorSpec> outputs,
        Optional<GenerationLimits> limits) {

    public ModelContract {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public Optional<TensorSpec> input(String tensorName) {
        return inputs.stream().filter(spec -> spec.name().equals(tensorName)).findFirst();
    }

    public Optional<TensorSpec> output(String tensorName) {
        return outputs.stream().filter(spec -> spec.name().equals(tensorName)).findFirst();
    }
}
