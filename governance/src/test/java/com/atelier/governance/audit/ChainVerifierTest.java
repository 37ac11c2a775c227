package com.atelier.governance.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChainVerifierTest {

    private record Stored(long id, AuditRecord record, String previousHash, String hash) {
    }

    /** A correctly linked chain of n entries, as the audit trail writes it. */
    private static List<Stored> chain(int n) {
        List<Stored> entries = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditRecord record = record(i, "{\"n\":" + i + "}");
            String hash = AuditChain.hash(previous, record);
            entries.add(new Stored(100 + i, record, previous, hash));
            previous = hash;
        }
        return entries;
    }

    private static AuditRecord record(long sequence, String summary) {
        return new AuditRecord("workspace:spring", sequence, Instant.parse("2026-11-24T10:00:00Z").plusSeconds(sequence),
                "ada", "asset.approved", "asset", "a-" + sequence, summary, "req-" + sequence, "10.0.0.1");
    }

    private static ChainVerifier.ChainReport verify(List<Stored> entries) {
        ChainVerifier verifier = new ChainVerifier("workspace:spring");
        entries.forEach(e -> verifier.accept(e.id(), e.record(), e.previousHash(), e.hash()));
        return verifier.report();
    }

    @Test
    void anUntouchedChainIsIntact() {
        var report = verify(chain(50));
        assertThat(report.intact()).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(50);
    }

    @Test
    void namesTheEntryWhoseSummaryWasEditedInTheDatabase() {
        List<Stored> entries = chain(10);
        Stored victim = entries.get(6);
        entries.set(6, new Stored(victim.id(), record(7, "{\"n\":\"forged\"}"), victim.previousHash(), victim.hash()));

        var report = verify(entries);

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenLink()).get().satisfies(link -> {
            assertThat(link.sequence()).isEqualTo(7);
            assertThat(link.entryId()).isEqualTo(107L);
            assertThat(link.reason()).contains("entry 107 was altered");
        });
        assertThat(report.entriesChecked()).isEqualTo(10);
    }

    @Test
    void aDeletedEntryShowsAsAGapBeforeTheNextOne() {
        List<Stored> entries = chain(10);
        entries.remove(3);

        var link = verify(entries).firstBrokenLink().orElseThrow();

        assertThat(link.sequence()).isEqualTo(4);
        assertThat(link.reason()).contains("entries 4 are missing (deleted) before entry 105");
    }

    @Test
    void anEntryRehashedAfterAnEditStillBreaksTheNextLink() {
        List<Stored> entries = chain(5);
        Stored victim = entries.get(1);
        AuditRecord forged = record(2, "{\"n\":\"forged\"}");
        entries.set(1, new Stored(victim.id(), forged, victim.previousHash(), AuditChain.hash(victim.previousHash(), forged)));

        var link = verify(entries).firstBrokenLink().orElseThrow();

        assertThat(link.sequence()).isEqualTo(3);
        assertThat(link.reason()).contains("entry 103 does not link to its predecessor");
    }

    @Test
    void aMissingFirstEntryIsReported() {
        List<Stored> entries = chain(3);
        entries.remove(0);
        assertThat(verify(entries).firstBrokenLink()).get()
                .satisfies(link -> assertThat(link.reason()).contains("entries 1 are missing"));
    }
}
