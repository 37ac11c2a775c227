package com.atelier.governance.render;

import com.atelier.governance.asset.AssetStore;
import com.atelier.governance.digest.Sha256;
import com.atelier.governance.provenance.ContentCredentials;
import com.atelier.governance.provenance.ProvenanceReport;
import com.atelier.governance.provenance.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The steps after the checks: sign, store, record, notify. */
class SignStoreRecordTest {

    /** Content-addressed like the real store: the same bytes twice are one entry. */
    static final class MemoryStore implements AssetStore {
        final Map<String, byte[]> files = new ConcurrentHashMap<>();
        int puts;

        @Override
        public String put(byte[] bytes) {
            puts++;
            String hash = Sha256.hex(bytes);
            files.putIfAbsent(hash, bytes);
            return hash;
        }

        @Override
        public Optional<byte[]> get(String contentHash) {
            return Optional.ofNullable(files.get(contentHash));
        }
    }

    private static final Executor SAME_THREAD = Runnable::run;

    private static RenderWork checked(boolean webhook) {
        var ticket = RenderFixtures.ticket(RenderFixtures.spec(List.of("sdxl"), 32, 2), webhook);
        var work = new RenderWork(ticket, List.of(RenderFixtures.rendered("sdxl", 0, 32),
                RenderFixtures.rendered("sdxl", 1, 32)), 80, false);
        SafetyClassifier classifier = png -> Map.of("nsfw", 0.0f);
        return new CheckOutputs(classifier, new SafetyThreshold(0.9f), new RenderFixtures.NoBrandPalette(),
                RenderFixtures.timers(), SAME_THREAD).apply(work);
    }

    static ContentCredentials credentials(Path dir) throws Exception {
        TestPki pki = TestPki.create("Render Chain Test Root");
        Path keystore = pki.writeKeystore(dir.resolve("signing.p12"), pki.signer(), "atelier-signing", "atelier-dev");
        Files.createDirectories(dir.resolve("trust"));
        pki.writeRootPem(dir.resolve("trust/root.pem"));
        return new ContentCredentials(Optional.of(keystore.toString()), "atelier-dev", "atelier-signing",
                Optional.empty(), Optional.empty(), null);
    }

    @Test
    void signedImagesCarryValidCredentialsNamingTheModelAndTheJob(@TempDir Path dir) throws Exception {
        ContentCredentials credentials = credentials(dir);
        RenderWork work = checked(false);

        RenderWork signed = new SignOutputs(credentials, RenderFixtures.timers()).apply(work);

        assertThat(signed.outputs()).allSatisfy(image -> {
            ProvenanceReport report = credentials.verify(image.signed().orElseThrow());
            assertThat(report.verdict()).isEqualTo(ProvenanceReport.Verdict.VALID);
            assertThat(report.generation()).containsEntry("model", "sdxl")
                    .containsEntry("jobId", work.ticket().jobId().toString());
        });
    }

    @Test
    void anImageIsNeitherSignedUncheckedNorStoredUnsigned(@TempDir Path dir) throws Exception {
        var ticket = RenderFixtures.ticket(RenderFixtures.spec(List.of("sdxl"), 32, 1), false);
        var unchecked = new RenderWork(ticket, List.of(RenderFixtures.rendered("sdxl", 0, 32)), 0, false);

        assertThatThrownBy(() -> new SignOutputs(credentials(dir), RenderFixtures.timers()).apply(unchecked))
                .hasMessageContaining("unchecked");
        assertThatThrownBy(() -> new StoreOutputs(new MemoryStore(), RenderFixtures.timers()).apply(unchecked))
                .hasMessageContaining("unsigned");
    }

    @Test
    void storingAgainAfterARetryKeepsOneCopyAndTheJobIsRecordedOnce(@TempDir Path dir) throws Exception {
        var store = new MemoryStore();
        var ledger = new RenderFixtures.InMemoryLedger();
        RenderWork signed = new SignOutputs(credentials(dir), RenderFixtures.timers()).apply(checked(false));
        ledger.accept(signed.ticket());
        var storeStep = new StoreOutputs(store, RenderFixtures.timers());
        var record = new RecordAssets(ledger, RenderFixtures.timers());

        RenderWork stored = storeStep.apply(signed);
        storeStep.apply(signed);
        RenderWork first = record.apply(stored);
        RenderWork second = record.apply(stored);

        assertThat(store.puts).isEqualTo(4);
        assertThat(store.files).hasSize(2);
        assertThat(first.recorded()).isTrue();
        assertThat(second.recorded()).as("a duplicate delivery writes nothing").isFalse();
        assertThat(ledger.completed.get(signed.ticket().jobId())).hasSize(2).allSatisfy(image -> {
            assertThat(store.get(image.contentHash())).isPresent();
            assertThat(image.blockedReason()).isEmpty();
        });
    }

    @Test
    void onlyAJobThisDeliveryRecordedIsAnnouncedAndOnlyToAWebhook() {
        var announced = new java.util.ArrayList<UUID>();
        var notify = new AnnounceCompletion(announced::add);
        RenderWork withHook = checked(true);
        RenderWork withoutHook = checked(false);

        notify.apply(withHook.asRecorded(false));
        notify.apply(withoutHook.asRecorded(true));
        notify.apply(withHook.asRecorded(true));

        assertThat(announced).containsExactly(withHook.ticket().jobId());
    }
}
