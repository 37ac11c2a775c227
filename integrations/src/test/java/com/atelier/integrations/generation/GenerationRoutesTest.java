package com.atelier.integrations.generation;

import com.atelier.governance.generation.GenerationSpec;
import com.atelier.governance.generation.JobTicket;
import com.atelier.governance.render.RenderChain;
import com.atelier.governance.render.RenderOutput;
import com.atelier.governance.render.RenderStart;
import com.atelier.governance.render.RenderStep;
import com.atelier.governance.render.RenderWork;
import com.atelier.inference.InferenceUnavailableException;
import com.atelier.inference.InvalidInferenceRequestException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The generation route with the JMS consumer replaced by a direct endpoint and the render chain's steps by
 * in-memory ones that keep the chain's promises (start by job id, content-addressed store, record once). Each
 * step can be made to fail; the route's error policy must bring every job to its assets exactly once, or to FAILED.
 */
class GenerationRoutesTest {

    private static final String JOBS = "direct:jobs";
    private static final GenerationRoutes.Backoff FAST = new GenerationRoutes.Backoff(1, 1, 5);

    private final Map<UUID, JobTicket> accepted = new ConcurrentHashMap<>();
    private final Map<UUID, List<String>> recorded = new ConcurrentHashMap<>();
    private final Map<UUID, String> failed = new ConcurrentHashMap<>();
    private final Map<String, byte[]> stored = new ConcurrentHashMap<>();
    private final List<UUID> announced = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private DefaultCamelContext camel;
    private ProducerTemplate producer;

    /** A step's next {@code times} calls throw. */
    private record Fault(AtomicInteger times, Supplier<RuntimeException> error) {
    }

    /** A named step (Camel introspects its class) that counts its calls and fails when told to. */
    private final class Step implements RenderStep {
        private final String name;
        private final UnaryOperator<RenderWork> work;

        Step(String name, UnaryOperator<RenderWork> work) {
            this.name = name;
            this.work = work;
        }

        @Override
        public RenderWork apply(RenderWork input) {
            calls.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            Fault fault = faults.get(name);
            if (fault != null && fault.times().getAndDecrement() > 0) {
                throw fault.error().get();
            }
            return work.apply(input);
        }
    }

    private final class Start extends RenderStart {
        @Override
        public RenderWork start(String jobId) {
            UUID id = UUID.fromString(jobId);
            boolean finished = recorded.containsKey(id) || failed.containsKey(id);
            return finished || !accepted.containsKey(id) ? null : RenderWork.started(accepted.get(id));
        }
    }

    private final class Failures extends RenderChain {
        @Override
        public void fail(String jobId, Exception cause) {
            UUID id = UUID.fromString(jobId);
            if (!recorded.containsKey(id) && failed.putIfAbsent(id, String.valueOf(cause.getMessage())) == null) {
                announced.add(id);
            }
        }
    }

    private static RenderWork each(RenderWork work, UnaryOperator<RenderOutput> change) {
        return new RenderWork(work.ticket(), work.outputs().stream().map(change).toList(), work.gpuMillis(),
                work.recorded());
    }

    @BeforeEach
    void startRoutes() throws Exception {
        camel = new DefaultCamelContext();
        var registry = camel.getRegistry();
        registry.bind("start", new Start());
        registry.bind("render", new Step("render", work -> new RenderWork(work.ticket(), List.of(
                RenderOutput.rendered("sdxl", "1", 0, 7, 8, 8, ("pixels of " + work.ticket().jobId()).getBytes(), 5),
                RenderOutput.rendered("sdxl", "1", 1, 8, 8, 8, ("more of " + work.ticket().jobId()).getBytes(), 5)),
                10, false)));
        registry.bind("check", new Step("check", work -> each(work, o -> new RenderOutput(o.model(),
                o.modelVersion(), o.position(), o.seed(), o.width(), o.height(), o.pixels(), o.gpuMillis(),
                Optional.of(List.of()), o.manifest(), o.signed(), o.contentHash()))));
        registry.bind("sign", new Step("sign", work -> each(work, o -> new RenderOutput(o.model(), o.modelVersion(),
                o.position(), o.seed(), o.width(), o.height(), o.pixels(), o.gpuMillis(), o.blockReasons(),
                o.manifest(), Optional.of(("signed " + new String(o.pixels())).getBytes()), o.contentHash()))));
        registry.bind("store", new Step("store", work -> each(work, o -> {
            String hash = Integer.toHexString(java.util.Arrays.hashCode(o.signed().orElseThrow()));
            stored.putIfAbsent(hash, o.signed().orElseThrow());
            return new RenderOutput(o.model(), o.modelVersion(), o.position(), o.seed(), o.width(), o.height(),
                    o.pixels(), o.gpuMillis(), o.blockReasons(), o.manifest(), o.signed(), Optional.of(hash));
        })));
        registry.bind("record", new Step("record", work -> {
            UUID id = work.ticket().jobId();
            boolean written = !failed.containsKey(id) && recorded.putIfAbsent(id,
                    work.outputs().stream().map(o -> o.contentHash().orElseThrow()).toList()) == null;
            return new RenderWork(work.ticket(), work.outputs(), work.gpuMillis(), written);
        }));
        registry.bind("notify", new Step("notify", work -> {
            if (work.recorded()) {
                announced.add(work.ticket().jobId());
            }
            return work;
        }));
        registry.bind("renderChain", new Failures());
        camel.addRoutes(new GenerationRoutes(JOBS, "mock:dead", FAST));
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stopRoutes() {
        camel.stop();
    }

    private UUID accept() {
        var spec = new GenerationSpec(List.of("sdxl"), "a tote bag", null, null, 7L, null, null, 8, 8, 2, null);
        var ticket = new JobTicket(UUID.randomUUID(), "brand-studio", "designer", spec, 1, true, Instant.now());
        accepted.put(ticket.jobId(), ticket);
        return ticket.jobId();
    }

    private void deliver(UUID job) {
        producer.sendBody(JOBS, job.toString());
    }

    private int callsOf(String step) {
        return calls.getOrDefault(step, new AtomicInteger()).get();
    }

    @ParameterizedTest
    @ValueSource(strings = {"render", "check", "sign", "store", "record", "notify"})
    void aStepThatFailsTwiceIsRetriedAndTheJobGetsItsAssetsOnce(String step) {
        faults.put(step, new Fault(new AtomicInteger(2), () -> new IllegalStateException(step + " hiccup")));
        UUID job = accept();

        deliver(job);

        assertThat(recorded.get(job)).hasSize(2);
        assertThat(stored).hasSize(2);
        assertThat(failed).isEmpty();
        assertThat(announced).containsExactly(job);
        assertThat(callsOf(step)).isEqualTo(3);
        assertThat(callsOf("render")).as("only the failing step runs again").isEqualTo(step.equals("render") ? 3 : 1);
    }

    @Test
    void aJobDeliveredAgainAfterItWasRecordedMakesNoSecondAsset() {
        UUID job = accept();

        deliver(job);
        deliver(job);

        assertThat(recorded.get(job)).hasSize(2);
        assertThat(callsOf("render")).as("the second delivery stops at the start").isEqualTo(1);
        assertThat(announced).containsExactly(job);
    }

    @Test
    void aStepThatKeepsFailingEndsTheJobFailedAfterThreeRetriesWithTheReason() throws Exception {
        faults.put("sign", new Fault(new AtomicInteger(100), () -> new IllegalStateException("no signing key")));
        MockEndpoint dead = camel.getEndpoint("mock:dead", MockEndpoint.class);
        UUID job = accept();
        dead.expectedBodiesReceived(job.toString());

        deliver(job);

        assertThat(callsOf("sign")).isEqualTo(4);
        assertThat(failed).containsEntry(job, "no signing key");
        assertThat(recorded).isEmpty();
        assertThat(announced).containsExactly(job);
        dead.assertIsSatisfied();
    }

    @Test
    void aRequestTheInferenceServerWillNeverAcceptGoesStraightToTheDeadLetters() {
        faults.put("render", new Fault(new AtomicInteger(100),
                () -> new InvalidInferenceRequestException("sdxl", List.of("width must be a multiple of 8"))));
        UUID job = accept();

        deliver(job);

        assertThat(callsOf("render")).isEqualTo(1);
        assertThat(failed.get(job)).contains("width must be a multiple of 8");
    }

    @Test
    void anInferenceOutageIsWaitedOutHoweverLongItLasts() {
        faults.put("check", new Fault(new AtomicInteger(12),
                () -> new InferenceUnavailableException("no endpoint serves the safety model", null)));
        UUID job = accept();

        producer.asyncSendBody(JOBS, job.toString());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(recorded).containsKey(job));
        assertThat(callsOf("check")).isEqualTo(13);
        assertThat(failed).isEmpty();
    }
}
