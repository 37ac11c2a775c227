package com.atelier.governance.audit;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Origin;
import com.atelier.governance.access.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTest {

    private static AuditRecord record(String summary) {
        return new AuditRecord("workspace:spring", 2, Instant.parse("2026-11-24T10:15:30.123456Z"), "ada",
                "workspace.created", "workspace", "spring", summary, "req-1", "10.0.0.1");
    }

    @Test
    void sameContentAndPredecessorGiveTheSameHash() {
        assertThat(AuditChain.hash(AuditChain.GENESIS, record("{}")))
                .isEqualTo(AuditChain.hash(AuditChain.GENESIS, record("{}")))
                .hasSize(64)
                .matches("[0-9a-f]{64}");
    }

    @Test
    void anyEditedFieldChangesTheHash() {
        String original = AuditChain.hash(AuditChain.GENESIS, record("{\"name\":\"Spring\"}"));
        assertThat(AuditChain.hash(AuditChain.GENESIS, record("{\"name\":\"Sprinq\"}"))).isNotEqualTo(original);
        assertThat(AuditChain.hash("1".repeat(64), record("{\"name\":\"Spring\"}"))).isNotEqualTo(original);
    }

    @Test
    void fieldBoundariesCannotBeShiftedToForgeAnEqualHash() {
        var a = new AuditRecord("c", 1, Instant.EPOCH, "ab", "c", "t", "s", "", null, null);
        var b = new AuditRecord("c", 1, Instant.EPOCH, "a", "bc", "t", "s", "", null, null);
        assertThat(AuditChain.hash(AuditChain.GENESIS, a)).isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, b));
    }

    @Test
    void waitingEventsAreAppendedAfterTheChainsNewestEntryInTheirOrderAndVerify() {
        var ada = new Actor("ada", Set.of(Role.DESIGNER), new Origin("req-1", "10.0.0.1"));
        var bob = new Actor("bob", Set.of(Role.ART_DIRECTOR), new Origin(null, null));
        List<AuditIntake> waiting = List.of(
                new AuditIntake(AuditEvent.inWorkspace(ada, "spring", "generation.requested", "generation", "j1", "{}"),
                        Instant.parse("2026-11-24T10:00:00.000001Z")),
                new AuditIntake(AuditEvent.inWorkspace(bob, "spring", "asset.approved", "asset", "a1", "{\"n\":1}"),
                        Instant.parse("2026-11-24T10:00:00.000002Z")));
        String tipHash = AuditChain.hash(AuditChain.GENESIS, new AuditRecord("workspace:spring", 41, Instant.EPOCH,
                "x", "y", "z", "w", "{}", null, null));

        List<AuditEntry> entries = AuditChain.extend(new AuditChain.Tip(41, tipHash), waiting);

        assertThat(entries).extracting(AuditEntry::sequence).containsExactly(42L, 43L);
        assertThat(entries).extracting(AuditEntry::actor).containsExactly("ada", "bob");
        assertThat(entries.get(0).previousHash()).isEqualTo(tipHash);
        assertThat(entries.get(1).previousHash()).isEqualTo(entries.get(0).entryHash());
        assertThat(entries.get(1).record().requestId()).isNull();
        entries.forEach(e -> assertThat(e.entryHash()).as("entry %d hashed by the documented rule", e.sequence())
                .isEqualTo(AuditChain.hash(e.previousHash(), e.record())));
    }

    @Test
    void theFirstEventsOfAChainStartFromGenesis() {
        var ada = new Actor("ada", Set.of(Role.DESIGNER), Origin.INTERNAL);
        List<AuditEntry> entries = AuditChain.extend(AuditChain.Tip.GENESIS, List.of(
                new AuditIntake(AuditEvent.inWorkspace(ada, "new", "workspace.created", "workspace", "new", "{}"),
                        Instant.EPOCH)));

        ChainVerifier verifier = new ChainVerifier("workspace:new");
        entries.forEach(e -> verifier.accept(e.sequence(), e.record(), e.previousHash(), e.entryHash()));
        assertThat(entries.get(0).sequence()).isEqualTo(1);
        assertThat(entries.get(0).previousHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(verifier.report().intact()).isTrue();
    }
}
