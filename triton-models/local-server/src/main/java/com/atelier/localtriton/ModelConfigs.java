package com.atelier.localtriton;

import com.atelier.inference.contract.ModelContract;
import com.atelier.inference.contract.TensorSpec;
import com.atelier.inference.protocol.ModelConfig;
import com.atelier.inference.protocol.ModelDynamicBatching;
import com.atelier.inference.protocol.ModelInput;
import com.atelier.inference.protocol.ModelInstanceGroup;
import com.atelier.inference.protocol.ModelMetadataResponse;
import com.atelier.inference.protocol.ModelOutput;
import com.atelier.inference.protocol.ModelParameter;
import java.time.Duration;

/**
 * Describes a served model the way Triton would, from the shared {@link ModelContract}: the
 * ModelConfig answer (honestly saying CPU and procedural) and the KServe v2 ModelMetadata answer.
 */
public final class ModelConfigs {

    /** What the local server reports as platform and backend: not a framework, a procedural renderer. */
    public static final String BACKEND = "atelier_procedural_cpu";

    private ModelConfigs() {
    }

    public static ModelConfig configOf(ModelContract contract, Duration maxQueueDelay) {
        ModelConfig.Builder config = ModelConfig.newBuilder()
                .setName(contract.name())
                .setBackend(BACKEND)
                .setMaxBatchSize(contract.maxBatchSize())
                .setDynamicBatching(ModelDynamicBatching.newBuilder()
                        .setMaxQueueDelayMicroseconds(maxQueueDelay.toNanos() / 1000))
                .addInstanceGroup(ModelInstanceGroup.newBuilder()
                        .setName(contract.name() + "_cpu").setKind(ModelInstanceGroup.Kind.KIND_CPU).setCount(1))
                .putParameters("description", ModelParameter.newBuilder()
                        .setStringValue("procedural CPU renderer standing in for: " + contract.description()).build());
        for (TensorSpec input : contract.inputs()) {
            config.addInput(ModelInput.newBuilder()
                    .setName(input.name())
                    .setDataType(input.type().configType())
                    .addAllDims(input.dims())
                    .setOptional(input.optional())
                    .setAllowRaggedBatch(input.dims().contains(-1L)));
        }
        for (TensorSpec output : contract.outputs()) {
            config.addOutput(ModelOutput.newBuilder()
                    .setName(output.name())
                    .setDataType(output.type().configType())
                    .addAllDims(output.dims()));
        }
        return config.build();
    }

    public static ModelMetadataResponse metadataOf(ModelContract contract, String version) {
        ModelMetadataResponse.Builder metadata = ModelMetadataResponse.newBuilder()
                .setName(contract.name())
                .addVersions(version)
                .setPlatform(BACKEND);
        for (TensorSpec input : contract.inputs()) {
            metadata.addInputs(tensorMetadata(input, contract.maxBatchSize()));
        }
        for (TensorSpec output : contract.outputs()) {
            metadata.addOutputs(tensorMetadata(output, contract.maxBatchSize()));
        }
        return metadata.build();
    }

    private static ModelMetadataResponse.TensorMetadata tensorMetadata(TensorSpec spec, int maxBatchSize) {
        return ModelMetadataResponse.TensorMetadata.newBuilder()
                .setName(spec.name())
                .setDatatype(spec.type().wireName())
                .addAllShape(spec.metadataShape(maxBatchSize))
                .build();
    }
}
