package com.atelier.it;

import com.atelier.governance.audit.AuditChain;
import com.atelier.governance.audit.AuditRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first vertical slice against the provisioned WildFly, PostgreSQL and real Keycloak tokens: who am I,
 * workspaces, memberships, problem+json errors, and the audit trail behind every change.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorkspaceApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive portal() {
        return Portal.ear();
    }

    private static String uniqueSlug() {
        return "ws-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String workspaceJson(String slug, String name) {
        return "{\"slug\":\"" + slug + "\",\"name\":\"" + name + "\",\"description\":\"made by a test\"}";
    }

    @Test
    void designerWithATokenSeesThemselvesAndTheirRoles() {
        var me = ApiClient.as("designer").get("/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("userId").asText()).isEqualTo("designer");
        assertThat(me.json().get("roles")).extracting(n -> n.asText()).containsExactly("designer");
    }

    @Test
    void callWithoutTokenIsRefusedWith401AndABearerChallenge() {
        var me = ApiClient.anonymous().get("/me");

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.contentType()).startsWith("application/problem+json");
        assertThat(me.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(me.json().get("detail").asText()).contains("Authorization: Bearer");
    }

    @Test
    void forgedTokenIsNotAccepted() {
        String token = KeycloakTokens.forUser("designer");
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        var answer = ApiClient.withToken(tampered).get("/me");

        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void designerCannotCreateWorkspacesAndNothingIsWritten() throws SQLException {
        String slug = uniqueSlug();
        var answer = ApiClient.as("designer").post("/workspaces", workspaceJson(slug, "Not allowed"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).contains("[designer]");
        assertThat(PortalDatabase.count("SELECT count(*) FROM workspace WHERE slug = ?", slug)).isZero();
        assertThat(PortalDatabase.count("SELECT count(*) FROM audit_entry WHERE subject_id = ?", slug)).isZero();
    }

    @Test
    void adminCreatesWorkspaceAndTheAuditTrailRecordsItInAVerifiableChain() throws SQLException {
        String slug = uniqueSlug();
        var created = ApiClient.as("admin").post("/workspaces", workspaceJson(slug, "Spring campaign"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue(Portal.API + "/workspaces/" + slug);
        assertThat(created.json().get("name").asText()).isEqualTo("Spring campaign");

        try (var c = PortalDatabase.connect(); var s = c.prepareStatement(
                "SELECT * FROM audit_entry WHERE subject_type = 'workspace' AND subject_id = ?")) {
            s.setString(1, slug);
            try (var rs = s.executeQuery()) {
                assertThat(rs.next()).as("an audit entry for the new workspace").isTrue();
                assertThat(rs.getString("actor")).isEqualTo("admin");
                assertThat(rs.getString("action")).isEqualTo("workspace.created");
                assertThat(rs.getString("chain")).isEqualTo("workspace:" + slug);
                assertThat(rs.getLong("sequence")).isEqualTo(1);
                assertThat(rs.getString("previous_hash")).isEqualTo(AuditChain.GENESIS);
                var record = new AuditRecord(rs.getString("chain"), rs.getLong("sequence"),
                        rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
                        rs.getString("summary"), rs.getString("request_id"), rs.getString("client_ip"));
                assertThat(rs.getString("entry_hash")).as("hash re-computed from the stored row")
                        .isEqualTo(AuditChain.hash(AuditChain.GENESIS, record));
                assertThat(rs.getString("request_id")).isEqualTo(created.headers().firstValue("X-Request-Id").orElseThrow());
            }
        }
    }

    @Test
    void membershipMakesAWorkspaceVisibleToTheMemberOnly() throws SQLException {
        String slug = uniqueSlug();
        var admin = ApiClient.as("admin");
        assertThat(admin.post("/workspaces", workspaceJson(slug, "Members only")).status()).isEqualTo(201);
        var designer = ApiClient.as("designer");
        assertThat(designer.get("/workspaces").body()).doesNotContain(slug);

        var granted = admin.put("/workspaces/" + slug + "/members/designer", "{\"role\":\"designer\"}");

        assertThat(granted.status()).isEqualTo(200);
        var mine = designer.get("/workspaces").json();
        assertThat(mine.findValuesAsText("slug")).contains(slug);
        assertThat(designer.get("/me").json().get("workspaces").findValuesAsText("slug")).contains(slug);
        assertThat(ApiClient.as("art-director").get("/workspaces").body()).doesNotContain(slug);
        assertThat(ApiClient.as("compliance").get("/workspaces").body()).as("compliance sees every workspace")
                .contains(slug);
        assertThat(PortalDatabase.count("SELECT count(*) FROM audit_entry WHERE chain = ? AND action ="
                + " 'membership.granted' AND sequence = 2", "workspace:" + slug)).isEqualTo(1);
    }

    @Test
    void duplicateSlugIsAConflictAndWritesNothing() throws SQLException {
        String slug = uniqueSlug();
        var admin = ApiClient.as("admin");
        assertThat(admin.post("/workspaces", workspaceJson(slug, "First")).status()).isEqualTo(201);

        var again = admin.post("/workspaces", workspaceJson(slug, "Second"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("detail").asText()).contains(slug);
        assertThat(PortalDatabase.count("SELECT count(*) FROM audit_entry WHERE subject_id = ?", slug)).isEqualTo(1);
    }

    @Test
    void badInputIsA400NamingTheProblemAndWritesNothing() throws SQLException {
        var admin = ApiClient.as("admin");
        long before = PortalDatabase.count("SELECT count(*) FROM workspace");

        var malformed = admin.post("/workspaces", "{\"slug\": \"x\", ");
        var unknownField = admin.post("/workspaces", "{\"slug\":\"" + uniqueSlug() + "\",\"name\":\"N\",\"owner\":\"me\"}");
        var longName = admin.post("/workspaces", workspaceJson(uniqueSlug(), "n".repeat(121)));
        var badSlug = admin.post("/workspaces", workspaceJson("Not A Slug", "Name"));
        var unknownRole = admin.put("/workspaces/nope/members/designer", "{\"role\":\"overlord\"}");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("title").asText()).isEqualTo("Malformed JSON");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("field").asText()).isEqualTo("owner");
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.json().get("field").asText()).isEqualTo("name");
        assertThat(badSlug.status()).isEqualTo(400);
        assertThat(badSlug.json().get("field").asText()).isEqualTo("slug");
        assertThat(unknownRole.status()).isEqualTo(400);
        for (var answer : new ApiClient.Answer[]{malformed, unknownField, longName, badSlug, unknownRole}) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("requestId").asText()).isNotBlank();
        }
        assertThat(PortalDatabase.count("SELECT count(*) FROM workspace")).isEqualTo(before);
    }

    @Test
    void theDatabaseRefusesToEditOrDeleteAuditEntries() throws SQLException {
        String slug = uniqueSlug();
        assertThat(ApiClient.as("admin").post("/workspaces", workspaceJson(slug, "Audited")).status()).isEqualTo(201);

        try (var c = PortalDatabase.connect(); var s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_entry SET actor = 'mallory' WHERE subject_id = '"
                    + slug + "'")).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_entry WHERE subject_id = '" + slug + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        assertThat(PortalDatabase.count("SELECT count(*) FROM audit_entry WHERE subject_id = ? AND actor = 'admin'",
                slug)).isEqualTo(1);
    }

    @Test
    void unknownApiPathIsAProblemNotAnHtmlPage() {
        var answer = ApiClient.as("designer").get("/no-such-thing");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }
}
