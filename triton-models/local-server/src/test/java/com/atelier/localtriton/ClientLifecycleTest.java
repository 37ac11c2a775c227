package com.atelier.localtriton;

import static com.atelier.localtriton.LocalTritonFixture.settingsFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.atelier.inference.TritonClient;
import com.atelier.inference.contract.ModelCatalog;
import com.atelier.inference.endpoint.ClientTransport;
import com.atelier.inference.endpoint.EndpointHealth;
import com.atelier.inference.image.TextToImageRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The client's life against real servers: a Triton pod that restarts is seen as soon as it is back,
 * and close() leaves no thread of the client running (inside WildFly, a thread that outlives the
 * deployment fails with NoClassDefFoundError once the deployment's classes are unloaded).
 */
class ClientLifecycleTest {

    private static final Duration PROBE_DEADLINE = Duration.ofMillis(700);

    /**
     * After a failed connection the channel sits in TRANSIENT_FAILURE with a reconnect backoff; a probe
     * that failed fast there reported "UNAVAILABLE: io exception" for a pod that was up again.
     */
    @Test
    void theFirstProbeAfterARestartOnTheSamePortSeesTheServerReady() {
        LocalTritonServer server = LocalTritonServer.start(ServerOptions.forTests());
        int port = server.port();
        // No background probes: only the health() calls of this test touch the endpoint.
        try (TritonClient client = new TritonClient(settingsFor(List.of(server.target())).withProbeInterval(Duration.ofHours(1)))) {
            assertThat(client.health(PROBE_DEADLINE)).singleElement().satisfies(health -> assertThat(health.ready()).isTrue());

            server.close();
            long started = System.nanoTime();
            List<EndpointHealth> down = client.health(PROBE_DEADLINE);
            Duration probeCost = Duration.ofNanos(System.nanoTime() - started);

            assertThat(down).singleElement().satisfies(health -> {
                assertThat(health.live()).isFalse();
                assertThat(health.detail()).startsWith("UNAVAILABLE");
            });
            assertThat(probeCost).as("a probe of a pod that is down costs at most its deadline")
                    .isLessThan(PROBE_DEADLINE.plusMillis(500));

            server = LocalTritonServer.start(ServerOptions.forTests().withPort(port));

            assertThat(client.health(PROBE_DEADLINE)).singleElement().satisfies(health -> {
                assertThat(health.live()).isTrue();
                assertThat(health.ready()).as(health.detail()).isTrue();
                assertThat(health.readyModels()).containsExactlyInAnyOrderElementsOf(ModelCatalog.names());
            });
        } finally {
            server.close();
        }
    }

    @Test
    void closeStopsEveryThreadTheClientStarted() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (LocalTritonServer server = LocalTritonServer.start(ServerOptions.forTests())) {
            TritonClient client = new TritonClient(settingsFor(List.of(server.target(), LocalTritonFixture.deadTarget())));
            client.health(PROBE_DEADLINE);
            client.generate(TextToImageRequest.builder("sdxl", "a lighthouse").seed(1).size(512, 512).steps(2).build());
            assertThat(clientThreadsStartedSince(before)).as("threads of a client in use").isNotEmpty();

            client.close();

            assertThat(clientThreadsStartedSince(before)).as("threads of the client after close()").isEmpty();
        }
    }

    private static List<String> clientThreadsStartedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.isAlive())
                .map(Thread::getName)
                .filter(name -> name.startsWith(ClientTransport.THREAD_PREFIX))
                .toList();
    }
}
