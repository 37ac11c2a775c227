package com.atelier.localtriton;

import static com.atelier.localtriton.LocalTritonFixture.clientFor;
import static com.atelier.localtriton.LocalTritonFixture.settingsFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.atelier.inference.InferenceTimeoutException;
import com.atelier.inference.InferenceUnavailableException;
import com.atelier.inference.ModelNotReadyException;
import com.atelier.inference.TritonClient;
import com.atelier.inference.endpoint.EndpointHealth;
import com.atelier.inference.endpoint.RetryPolicy;
import com.atelier.inference.image.GeneratedImage;
import com.atelier.inference.image.TextToImageRequest;
import com.atelier.inference.protocol.GRPCInferenceServiceGrpc;
import com.atelier.inference.protocol.ModelStatistics;
import com.atelier.inference.protocol.RepositoryModelLoadRequest;
import com.atelier.inference.protocol.RepositoryModelUnloadRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReliabilityTest {

    private static TextToImageRequest small(String model, long seed) {
        return TextToImageRequest.builder(model, "a quiet harbour").seed(seed).size(512, 512).steps(4).build();
    }

    @Test
    void failsOverToTheRemainingServerWhenOneIsStopped() {
        LocalTritonServer first = LocalTritonServer.start(ServerOptions.forTests());
        try (LocalTritonServer second = LocalTritonServer.start(ServerOptions.forTests());
             TritonClient client = clientFor(first, second)) {
            assertThat(client.health(Duration.ofSeconds(2))).allMatch(EndpointHealth::ready);

            first.close();
            List<GeneratedImage> images = IntStream.range(0, 6)
                    .mapToObj(seed -> client.generate(small("flux2", seed)).get(0))
                    .toList();

            assertThat(images).extracting(GeneratedImage::endpoint).containsOnly(second.target());
            assertThat(client.lastKnownHealth()).filteredOn(health -> health.target().equals(first.target()))
                    .singleElement().satisfies(health -> assertThat(health.live()).isFalse());
        } finally {
            first.close();
        }
    }

    @Test
    void spreadsConcurrentRequestsOverHealthyServers() {
        ServerOptions slowGpu = ServerOptions.forTests().withGpuTime(Map.of("sdxl", Duration.ofMillis(150)));
        try (LocalTritonServer a = LocalTritonServer.start(slowGpu);
             LocalTritonServer b = LocalTritonServer.start(slowGpu);
             TritonClient client = clientFor(a, b)) {
            client.health(Duration.ofSeconds(2));

            List<String> endpoints = generateConcurrently(client, 8).stream().map(GeneratedImage::endpoint).toList();

            assertThat(endpoints).contains(a.target(), b.target());
        }
    }

    @Test
    void raisesTimeoutWhenTheDeadlinePasses() {
        try (LocalTritonServer server = LocalTritonServer.start(ServerOptions.forTests());
             TritonClient client = clientFor(server)) {
            server.faults().slowBy(Duration.ofSeconds(2));

            assertThatThrownBy(() -> client.generate(small("sdxl", 1), Duration.ofMillis(200)))
                    .isInstanceOf(InferenceTimeoutException.class)
                    .hasMessageContaining("did not answer within 200 ms");
        }
    }

    @Test
    void retriesUnavailableAtMostTheConfiguredAttemptsThenReportsUnavailable() {
        try (LocalTritonServer server = LocalTritonServer.start(ServerOptions.forTests());
             TritonClient client = new TritonClient(settingsFor(List.of(server.target()))
                     .withProbeInterval(Duration.ofHours(1))
                     .withRetryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40))))) {
            server.faults().unavailableFor(Duration.ofMinutes(1));
            long before = server.inferCallsReceived();

            assertThatThrownBy(() -> client.generate(small("sdxl", 1)))
                    .isInstanceOf(InferenceUnavailableException.class)
                    .hasMessageContaining("after 3 attempts")
                    .hasMessageContaining("injected fault");
            // The first attempt reaches the server; later ones only if a re-probe finds it back.
            assertThat(server.inferCallsReceived() - before).isBetween(1L, 3L);
        }
    }

    @Test
    void recoversOnceAnUnavailableWindowEnds() {
        try (LocalTritonServer server = LocalTritonServer.start(ServerOptions.forTests());
             TritonClient client = clientFor(server)) {
            server.faults().unavailableFor(Duration.ofMillis(600));

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> client.generate(small("sd35-large", 7)).size() == 1);
        }
    }

    @Test
    void unloadedModelIsReportedNotReadyAndServesAgainAfterLoad() {
        try (LocalTritonServer server = LocalTritonServer.start(ServerOptions.forTests());
             TritonClient client = clientFor(server)) {
            ManagedChannel channel = ManagedChannelBuilder.forTarget(server.target()).usePlaintext().build();
            var repository = GRPCInferenceServiceGrpc.newBlockingStub(channel);
            try {
                repository.repositoryModelUnload(RepositoryModelUnloadRequest.newBuilder().setModelName("sdxl").build());
                client.health(Duration.ofSeconds(2));

                assertThatThrownBy(() -> client.generate(small("sdxl", 3)))
                        .isInstanceOf(ModelNotReadyException.class)
                        .hasMessageContaining("Model 'sdxl' is not ready on any Triton endpoint")
                        .hasMessageContaining("models not ready: sdxl");

                repository.repositoryModelLoad(RepositoryModelLoadRequest.newBuilder().setModelName("sdxl").build());
                await().atMost(Duration.ofSeconds(5)).until(() -> client.lastKnownHealth().get(0).readyModels().contains("sdxl"));
                assertThat(client.generate(small("sdxl", 3))).hasSize(1);
            } finally {
                channel.shutdownNow();
            }
        }
    }

    @Test
    void dynamicBatchingGroupsConcurrentRequestsIntoFewerExecutions() {
        ServerOptions options = ServerOptions.forTests().withGpuTime(Map.of("sdxl", Duration.ofMillis(300)));
        try (LocalTritonServer server = LocalTritonServer.start(options); TritonClient client = clientFor(server)) {
            client.health(Duration.ofSeconds(2));
            generateConcurrently(client, 4);

            ModelStatistics stats = client.modelStatistics("sdxl", Duration.ofSeconds(2)).get(server.target());

            assertThat(stats.getInferenceCount()).isEqualTo(4);
            assertThat(stats.getExecutionCount()).isLessThan(4);
            assertThat(stats.getBatchStatsList()).anySatisfy(batch -> assertThat(batch.getBatchSize()).isGreaterThan(1));
        }
    }

    /** Sends {@code count} sdxl requests at once, one caller thread each, and waits for all images. */
    private static List<GeneratedImage> generateConcurrently(TritonClient client, int count) {
        ExecutorService callers = Executors.newFixedThreadPool(count);
        try {
            List<CompletableFuture<GeneratedImage>> calls = IntStream.range(0, count)
                    .mapToObj(seed -> CompletableFuture.supplyAsync(() -> client.generate(small("sdxl", seed)).get(0), callers))
                    .toList();
            return calls.stream().map(CompletableFuture::join).toList();
        } finally {
            callers.shutdownNow();
        }
    }
}
