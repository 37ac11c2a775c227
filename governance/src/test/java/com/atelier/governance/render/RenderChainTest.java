package com.atelier.governance.render;

import com.atelier.governance.generation.GenerationSpec;
import com.atelier.governance.provenance.ContentCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RenderChainTest {

    private final RenderFixtures.InMemoryLedger ledger = new RenderFixtures.InMemoryLedger();
    private final SignStoreRecordTest.MemoryStore store = new SignStoreRecordTest.MemoryStore();
    private final List<UUID> announced = new ArrayList<>();

    private RenderChain chain(Path dir) throws Exception {
        ContentCredentials credentials = SignStoreRecordTest.credentials(dir);
        Renderer renderer = (String model, GenerationSpec spec) -> new Renderer.Rendering(IntStream
                .range(0, spec.count()).mapToObj(i -> RenderFixtures.rendered(model, i, spec.width())).toList(), 10);
        SafetyClassifier classifier = png -> Map.of("nsfw", 0.0f);
        var timers = RenderFixtures.timers();
        FinishedJobNotices notices = announced::add;
        return new RenderChain(new RenderStart(ledger, timers, Clock.systemUTC()), new RenderImages(renderer, timers),
                new CheckOutputs(classifier, new SafetyThreshold(0.9f), new RenderFixtures.NoBrandPalette(), timers,
                        Runnable::run),
                new SignOutputs(credentials, timers), new StoreOutputs(store, timers), new RecordAssets(ledger, timers),
                new AnnounceCompletion(notices), ledger, notices);
    }

    @Test
    void theStepsRunInTheOrderOfTheFlow(@TempDir Path dir) throws Exception {
        assertThat(chain(dir).steps().keySet()).containsExactly("render", "check", "sign", "store", "record",
                "notify");
    }

    @Test
    void aJobRunThroughTheChainBecomesStoredAssetsOnceAndIsAnnounced(@TempDir Path dir) throws Exception {
        RenderChain chain = chain(dir);
        var ticket = RenderFixtures.ticket(RenderFixtures.spec(List.of("sdxl", "flux2"), 32, 2), true);
        ledger.accept(ticket);

        assertThat(chain.run(ticket.jobId())).isTrue();
        assertThat(chain.run(ticket.jobId())).as("a second delivery finds the job finished").isFalse();

        assertThat(ledger.completed.get(ticket.jobId())).hasSize(4)
                .allSatisfy(image -> assertThat(store.get(image.contentHash())).isPresent());
        assertThat(announced).containsExactly(ticket.jobId());
    }

    @Test
    void aJobThatCannotBeRenderedFailsOnceWithAReasonAndIsAnnounced(@TempDir Path dir) throws Exception {
        RenderChain chain = chain(dir);
        var ticket = RenderFixtures.ticket(RenderFixtures.spec(List.of("sdxl"), 32, 1), true);
        ledger.accept(ticket);

        chain.fail(ticket.jobId().toString(), new IllegalStateException("the model returned no image"));
        chain.fail(ticket.jobId().toString(), new IllegalStateException("again"));

        assertThat(ledger.failed.get(ticket.jobId()))
                .isEqualTo("Rendering failed after retries: the model returned no image");
        assertThat(announced).containsExactly(ticket.jobId());
        assertThat(chain.run(ticket.jobId())).isFalse();
    }
}
