package com.atelier.localtriton;

import static com.atelier.localtriton.LocalTritonFixture.deadTarget;
import static com.atelier.localtriton.LocalTritonFixture.settingsFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.atelier.inference.TritonClient;
import com.atelier.inference.contract.ModelCatalog;
import com.atelier.inference.contract.ModelContract;
import com.atelier.inference.contract.TensorSpec;
import com.atelier.inference.endpoint.EndpointHealth;
import com.atelier.inference.protocol.GRPCInferenceServiceGrpc;
import com.atelier.inference.protocol.ModelConfig;
import com.atelier.inference.protocol.ModelMetadataResponse;
import com.atelier.inference.protocol.RepositoryIndexRequest;
import com.atelier.inference.protocol.ServerMetadataRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HealthAndMetadataTest {

    @RegisterExtension
    static final LocalTritonExtension LOCAL = new LocalTritonExtension();

    @Test
    void reportsLiveReadyEndpointWithEveryCatalogModelReady() {
        List<EndpointHealth> health = LOCAL.client().health(Duration.ofSeconds(2));

        assertThat(health).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.target()).isEqualTo(LOCAL.server().target());
            assertThat(endpoint.live()).isTrue();
            assertThat(endpoint.ready()).isTrue();
            assertThat(endpoint.readyModels()).containsExactlyInAnyOrderElementsOf(ModelCatalog.names());
            assertThat(endpoint.detail()).contains("all 5 models ready");
        });
    }

    @Test
    void reportsUnreachableEndpointAsNotLiveWithTheReason() {
        String dead = deadTarget();
        try (TritonClient twoEndpoints = new TritonClient(settingsFor(List.of(LOCAL.server().target(), dead)))) {
            List<EndpointHealth> health = twoEndpoints.health(Duration.ofSeconds(2));

            assertThat(health).extracting(EndpointHealth::target).containsExactly(LOCAL.server().target(), dead);
            assertThat(health.get(0).ready()).isTrue();
            assertThat(health.get(1).live()).isFalse();
            assertThat(health.get(1).ready()).isFalse();
            assertThat(health.get(1).detail()).startsWith("UNAVAILABLE");
        }
    }

    @Test
    void modelMetadataMatchesTheContractWithBatchDimension() {
        for (ModelContract contract : ModelCatalog.all()) {
            ModelMetadataResponse metadata = LOCAL.client().modelMetadata(contract.name(), Duration.ofSeconds(2));

            assertThat(metadata.getName()).isEqualTo(contract.name());
            assertThat(metadata.getVersionsList()).containsExactly("1");
            assertThat(metadata.getInputsList()).extracting(ModelMetadataResponse.TensorMetadata::getName)
                    .containsExactlyElementsOf(contract.inputs().stream().map(TensorSpec::name).toList());
            ModelMetadataResponse.TensorMetadata first = metadata.getInputs(0);
            assertThat(first.getDatatype()).isEqualTo(contract.inputs().get(0).type().wireName());
            assertThat(first.getShapeList()).isEqualTo(contract.inputs().get(0).metadataShape(contract.maxBatchSize()));
        }
    }

    @Test
    void modelConfigSaysCpuProceduralBackendWithDynamicBatching() {
        ModelConfig config = LOCAL.client().modelConfig("sdxl", Duration.ofSeconds(2));

        assertThat(config.getBackend()).isEqualTo(ModelConfigs.BACKEND);
        assertThat(config.hasDynamicBatching()).isTrue();
        assertThat(config.getMaxBatchSize()).isEqualTo(ModelCatalog.SDXL.maxBatchSize());
        assertThat(config.getParametersMap().get("description").getStringValue()).contains("procedural CPU renderer");
    }

    @Test
    void serverMetadataAndRepositoryIndexAnswerLikeTriton() {
        ManagedChannel channel = ManagedChannelBuilder.forTarget(LOCAL.server().target()).usePlaintext().build();
        try {
            var stub = GRPCInferenceServiceGrpc.newBlockingStub(channel);
            assertThat(stub.serverMetadata(ServerMetadataRequest.getDefaultInstance()).getExtensionsList())
                    .contains("model_repository", "statistics");
            assertThat(stub.repositoryIndex(RepositoryIndexRequest.newBuilder().setReady(true).build()).getModelsList())
                    .extracting(index -> index.getName() + ":" + index.getState())
                    .contains("flux2:READY", "sdxl:READY", "sd35-large:READY", "safety_checker:READY", "upscaler_4x:READY");
        } finally {
            channel.shutdownNow();
        }
    }
}
