package com.atelier.localtriton;

import static org.assertj.core.api.Assertions.assertThat;

import com.atelier.inference.contract.ModelCatalog;
import com.atelier.inference.contract.ModelContract;
import com.atelier.inference.contract.TensorSpec;
import com.atelier.inference.contract.TensorType;
import com.atelier.inference.protocol.ModelConfig;
import com.atelier.inference.protocol.ModelInput;
import com.atelier.inference.protocol.ModelInstanceGroup;
import com.atelier.inference.protocol.ModelOutput;
import com.google.protobuf.TextFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds the GPU model repository to the client's model contract: every config.pbtxt must parse with
 * Atelier's ModelConfig proto, and each model the client calls must declare exactly the tensors of
 * {@link ModelCatalog} (names, order, types, dims, optionality) and its max_batch_size.
 */
class ModelRepositoryContractTest {

    /** Surefire runs in the module directory, triton-models/local-server. */
    private static final Path REPOSITORY = Path.of("..", "model_repository");

    static Stream<ModelContract> contracts() {
        return ModelCatalog.all().stream();
    }

    static Stream<Path> configFiles() throws IOException {
        try (Stream<Path> models = Files.list(REPOSITORY)) {
            return models.map(model -> model.resolve("config.pbtxt")).filter(Files::exists).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("configFiles")
    void everyConfigParsesAndNamesItsDirectory(Path configFile) throws IOException {
        ModelConfig config = parse(configFile);

        assertThat(config.getName()).isEqualTo(configFile.getParent().getFileName().toString());
        if (!config.getPlatform().equals("ensemble")) {
            assertThat(config.getInstanceGroupList()).extracting(ModelInstanceGroup::getKind)
                    .as("GPU pods run every model on the GPU").containsOnly(ModelInstanceGroup.Kind.KIND_GPU);
        }
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void configDeclaresExactlyTheContractTensors(ModelContract contract) throws IOException {
        ModelConfig config = parse(REPOSITORY.resolve(contract.name()).resolve("config.pbtxt"));

        assertThat(config.getMaxBatchSize()).as("max_batch_size of %s", contract.name()).isEqualTo(contract.maxBatchSize());
        assertThat(config.getInputList().stream().map(ModelRepositoryContractTest::specOf).toList())
                .as("inputs of %s", contract.name()).isEqualTo(contract.inputs());
        assertThat(config.getOutputList().stream().map(ModelRepositoryContractTest::specOf).toList())
                .as("outputs of %s", contract.name()).isEqualTo(contract.outputs());
    }

    @Test
    void textToImagePipelinesBatchDynamicallyOnGpu() throws IOException {
        for (String model : ModelCatalog.textToImageNames()) {
            ModelConfig config = parse(REPOSITORY.resolve(model).resolve("config.pbtxt"));

            assertThat(config.hasDynamicBatching()).as("dynamic_batching of %s", model).isTrue();
            assertThat(config.getInstanceGroupList()).extracting(ModelInstanceGroup::getKind).containsOnly(ModelInstanceGroup.Kind.KIND_GPU);
            for (String step : List.of(config.getParametersOrThrow("text_encoders").getStringValue().split(","))) {
                assertThat(REPOSITORY.resolve(step).resolve("config.pbtxt")).as("composing model %s of %s", step, model).exists();
            }
            assertThat(REPOSITORY.resolve(config.getParametersOrThrow("denoiser").getStringValue())).isDirectory();
            assertThat(REPOSITORY.resolve(config.getParametersOrThrow("vae_decoder").getStringValue())).isDirectory();
        }
    }

    @Test
    void ensembleStepsReferToModelsOfTheRepository() throws IOException {
        ModelConfig config = parse(REPOSITORY.resolve("safety_checker").resolve("config.pbtxt"));

        assertThat(config.getEnsembleScheduling().getStepList()).isNotEmpty().allSatisfy(step ->
                assertThat(REPOSITORY.resolve(step.getModelName()).resolve("config.pbtxt")).exists());
    }

    private static ModelConfig parse(Path configFile) throws IOException {
        ModelConfig.Builder builder = ModelConfig.newBuilder();
        // Strict parsing: a field the proto does not know fails here, as it would fail in Triton.
        TextFormat.getParser().merge(Files.readString(configFile), builder);
        return builder.build();
    }

    private static TensorSpec specOf(ModelInput input) {
        return new TensorSpec(input.getName(), TensorType.fromConfigType(input.getDataType()), input.getDimsList(), input.getOptional());
    }

    private static TensorSpec specOf(ModelOutput output) {
        return new TensorSpec(output.getName(), TensorType.fromConfigType(output.getDataType()), output.getDimsList(), false);
    }
}
