package com.atelier.governance.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;

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
}
