package com.atelier.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compliance staff and the audit trail: search with filters and paging, export that an outside party re-verifies
 * with nothing but the documented hash rule, chain verification, and a row altered directly in PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditApiIT {

    private static String WS;

    @Deployment(testable = false)
    static EnterpriseArchive portal() {
        return Portal.ear();
    }

    @BeforeAll
    static void aWorkspaceWithSomeHistory() {
        WS = TestWorkspaces.withDesigner("audit", "Audit tests");
        var admin = ApiClient.as("admin");
        for (String role : List.of("art-director", "brand-manager")) {
            assertThat(admin.put("/workspaces/" + WS + "/members/" + role, "{\"role\":\"" + role + "\"}").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void concurrentRequestsToOneWorkspaceAreAllChainedInOneIntactChainBeforeTheyAreAnswered() throws Exception {
        String ws = TestWorkspaces.withDesigner("audit-burst", "Audit burst");
        assertThat(ApiClient.as("admin").put("/workspaces/" + ws + "/members/art-director",
                "{\"role\":\"art-director\"}").status()).isEqualTo(200);
        // two people, each below the per-user limit of jobs in flight
        List<ApiClient> people = List.of(ApiClient.as("designer"), ApiClient.as("art-director"));
        int requests = 16;
        var pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<ApiClient.Answer>> replies = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String body = "{\"models\":[\"flux2\"],\"prompt\":\"burst " + i + "\",\"width\":512,\"height\":512,"
                        + "\"count\":1,\"seed\":7,\"steps\":1}";
                ApiClient person = people.get(i % 2);
                replies.add(pool.submit(() -> person.post("/workspaces/" + ws + "/generations", body)));
            }
            for (var reply : replies) {
                assertThat(reply.get(60, TimeUnit.SECONDS).status()).isEqualTo(202);
            }
        } finally {
            pool.shutdown();
        }
        // answered means chained: the entries are in the table, not waiting
        assertThat(PortalDatabase.count("SELECT count(*) FROM audit_entry WHERE chain = ? AND action = ?",
                "workspace:" + ws, "generation.requested")).isEqualTo(requests);
        JsonNode verdict = ApiClient.as("compliance").get("/audit/verify?workspace=" + ws).json();
        assertThat(verdict.get("intact").asBoolean()).isTrue();
        assertThat(PortalDatabase.count("SELECT count(*) FROM audit_entry WHERE chain = ?", "workspace:" + ws))
                .as("sequence numbers 1..n with no gap or repeat")
                .isEqualTo(PortalDatabase.count("SELECT max(sequence) FROM audit_entry WHERE chain = ?", "workspace:" + ws));
    }

    @Test
    void onlyComplianceReadsTheTrail() {
        assertThat(ApiClient.as("designer").get("/audit/entries?workspace=" + WS).status()).isEqualTo(403);
        assertThat(ApiClient.as("art-director").get("/audit/verify?workspace=" + WS).status()).isEqualTo(403);
        assertThat(ApiClient.as("admin").get("/audit/export?workspace=" + WS).status()).isEqualTo(403);
        assertThat(ApiClient.as("compliance").get("/audit/entries?workspace=" + WS).status()).isEqualTo(200);
    }

    @Test
    void searchFiltersByWorkspaceActorAndActionWithPaging() {
        var compliance = ApiClient.as("compliance");
        JsonNode page = compliance.get("/audit/entries?workspace=" + WS + "&actor=admin&action=membership.*&size=2")
                .json();
        assertThat(page.get("total").asLong()).as("designer, art director and brand manager were granted")
                .isEqualTo(3);
        assertThat(page.get("items")).hasSize(2);
        page.get("items").forEach(e -> {
            assertThat(e.get("chain").asText()).isEqualTo("workspace:" + WS);
            assertThat(e.get("actor").asText()).isEqualTo("admin");
            assertThat(e.get("action").asText()).isEqualTo("membership.granted");
        });
        assertThat(compliance.get("/audit/entries?workspace=" + WS + "&actor=admin&action=membership.*&size=2&page=1")
                .json().get("items")).hasSize(1);
        var bad = compliance.get("/audit/entries?from=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asText()).contains("ISO-8601");
    }

    @Test
    void anExportIsReverifiedOutsideThePortalWithTheDocumentedHashRule() throws Exception {
        var compliance = ApiClient.as("compliance");
        var json = compliance.get("/audit/export?format=json&workspace=" + WS);
        assertThat(json.status()).isEqualTo(200);
        JsonNode entries = new ObjectMapper().readTree(json.body());
        assertThat(entries.size()).isGreaterThanOrEqualTo(4);
        String previous = "0".repeat(64);
        long sequence = 1;
        for (JsonNode e : entries) {
            assertThat(e.get("sequence").asLong()).isEqualTo(sequence++);
            assertThat(e.get("previousHash").asText()).isEqualTo(previous);
            String recomputed = outsideHash(previous, e);
            assertThat(recomputed).as("entry %s", e.get("id")).isEqualTo(e.get("entryHash").asText());
            previous = recomputed;
        }

        var csv = compliance.get("/audit/export?format=csv&workspace=" + WS);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("id,chain,sequence,occurredAt,actor,action,subjectType,subjectId,summary,"
                + "requestId,clientIp,previousHash,entryHash");
        assertThat(lines.size() - 1).as("one CSV row per entry").isEqualTo(entries.size());
        assertThat(lines.get(1)).endsWith(entries.get(0).get("entryHash").asText());
        assertThat(compliance.get("/audit/export?format=xml").status()).isEqualTo(400);
    }

    @Test
    void verificationNamesTheRowAlteredDirectlyInTheDatabase() throws Exception {
        var compliance = ApiClient.as("compliance");
        JsonNode intact = compliance.get("/audit/verify?workspace=" + WS).json();
        assertThat(intact.get("intact").asBoolean()).as(intact.toString()).isTrue();
        long checked = intact.get("chains").get(0).get("entriesChecked").asLong();
        assertThat(checked).isGreaterThanOrEqualTo(4);

        long victim = PortalDatabase.count("SELECT id FROM audit_entry WHERE chain = ? AND sequence = 2",
                "workspace:" + WS);
        String original;
        try (Connection c = PortalDatabase.connect()) {
            try (var s = c.prepareStatement("SELECT summary FROM audit_entry WHERE id = ?")) {
                s.setLong(1, victim);
                var rs = s.executeQuery();
                rs.next();
                original = rs.getString(1);
            }
            try (var s = c.prepareStatement("UPDATE audit_entry SET summary = ? WHERE id = ?")) {
                s.setString(1, "{\"after\":{\"role\":\"admin\"}}");
                s.setLong(2, victim);
                s.executeUpdate();
                throw new AssertionError("the append-only trigger let an UPDATE through");
            } catch (java.sql.SQLException refused) {
                assertThat(refused.getMessage()).contains("append-only");
            }
            tamper(c, victim, "{\"after\":{\"role\":\"admin\"}}");
        }
        try {
            JsonNode broken = compliance.get("/audit/verify?workspace=" + WS).json();
            assertThat(broken.get("intact").asBoolean()).isFalse();
            JsonNode link = broken.get("chains").get(0).get("firstBrokenLink");
            assertThat(link.get("sequence").asLong()).isEqualTo(2);
            assertThat(link.get("entryId").asLong()).isEqualTo(victim);
            assertThat(link.get("reason").asText()).contains("entry " + victim + " was altered");
        } finally {
            try (Connection c = PortalDatabase.connect()) {
                tamper(c, victim, original);
            }
        }
        assertThat(compliance.get("/audit/verify?workspace=" + WS).json().get("intact").asBoolean()).isTrue();
    }

    /**
     * What an attacker with the table owner's rights does: switch the append-only trigger off, edit, switch it
     * back on, in one transaction.
     */
    private static void tamper(Connection c, long id, String summary) throws Exception {
        c.setAutoCommit(false);
        try (var s = c.createStatement()) {
            s.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
        }
        try (var s = c.prepareStatement("UPDATE audit_entry SET summary = ? WHERE id = ?")) {
            s.setString(1, summary);
            s.setLong(2, id);
            s.executeUpdate();
        }
        try (var s = c.createStatement()) {
            s.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only");
        }
        c.commit();
    }

    /** docs/audit.md's rule, written again here as an outside verifier would: no portal code is used. */
    private static String outsideHash(String previous, JsonNode e) throws Exception {
        List<String> fields = new ArrayList<>(List.of(previous, e.get("chain").asText(), e.get("sequence").asText(),
                e.get("occurredAt").asText(), e.get("actor").asText(), e.get("action").asText(),
                e.get("subjectType").asText(), e.get("subjectId").asText(), e.get("summary").asText(),
                text(e.get("requestId")), text(e.get("clientIp"))));
        StringBuilder canonical = new StringBuilder();
        for (String field : fields) {
            canonical.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field);
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText();
    }
}
