package com.atelier.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approval workflow through the REST API with real Keycloak tokens: who may make which transition, the
 * workspace's approval rules, export only after approval, comments and the inbox, each action audited once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReviewApiIT {

    /** Every realm role's demo user; compliance and admin act without membership. */
    private static final List<String> ROLES = List.of("designer", "senior-designer", "art-director", "brand-manager",
            "developer", "compliance", "admin");
    private static final Set<String> SUBMITTERS = Set.of("designer", "senior-designer", "art-director", "brand-manager");
    private static final Set<String> APPROVERS = Set.of("art-director", "brand-manager");

    private static String WS;
    private static String OTHER;

    /** The mail server WildFly sends inbox notices to (atelier.notifications.smtp-uri in arquillian.xml). */
    @org.junit.jupiter.api.extension.RegisterExtension
    static final com.icegreen.greenmail.junit5.GreenMailExtension SMTP = new com.icegreen.greenmail.junit5.GreenMailExtension(
            new com.icegreen.greenmail.util.ServerSetup(Integer.getInteger("it.smtp.port", 3925), "127.0.0.1", "smtp"))
            .withPerMethodLifecycle(false);

    @Deployment(testable = false)
    static EnterpriseArchive portal() {
        return Portal.ear();
    }

    @BeforeAll
    static void workspacesWithEveryWorkspaceRole() {
        LocalTriton.ensureRunning();
        WS = TestWorkspaces.withDesigner("review", "Review tests");
        var admin = ApiClient.as("admin");
        for (String role : List.of("senior-designer", "art-director", "brand-manager", "developer")) {
            assertThat(admin.put("/workspaces/" + WS + "/members/" + role, "{\"role\":\"" + role + "\"}").status())
                    .isEqualTo(200);
        }
        OTHER = TestWorkspaces.withDesigner("review-other", "Someone else's workspace");
    }

    /**
     * Renders {@code count} images as the user, synchronously, and returns their asset ids. The seed is fixed: the
     * CPU server's stand-in safety classifier blocks some colour mixes, and these tests need images it lets through.
     */
    private static Deque<String> generate(String user, String workspace, int count) {
        var answer = ApiClient.as(user).post("/workspaces/" + workspace + "/generations?mode=sync",
                "{\"models\":[\"sdxl\"],\"prompt\":\"a linen tote bag, review test\",\"width\":512,\"height\":512,"
                        + "\"count\":" + count + ",\"steps\":4,\"seed\":1000}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Deque<String> ids = new ArrayDeque<>();
        answer.json().get("results").get("sdxl").forEach(a -> ids.add(a.get("id").asText()));
        assertThat(ids).hasSize(count);
        return ids;
    }

    private static ApiClient.Answer submit(String user, String workspace, String reviewers, String... assets) {
        return ApiClient.as(user).post("/workspaces/" + workspace + "/reviews", "{\"title\":\"Spring tote\","
                + "\"reviewers\":" + reviewers + ",\"assets\":[\"" + String.join("\",\"", assets) + "\"]}");
    }

    private static ApiClient.Answer decide(String user, String workspace, String asset, String verdict, String comment) {
        return ApiClient.as(user).post("/workspaces/" + workspace + "/reviews/decisions/" + asset,
                "{\"verdict\":\"" + verdict + "\"" + (comment == null ? "" : ",\"comment\":\"" + comment + "\"") + "}");
    }

    private static String state(String workspace, String asset) {
        return ApiClient.as("admin").get("/workspaces/" + workspace + "/assets/" + asset).json().get("state").asText();
    }

    private static long audit(String asset, String action) throws SQLException {
        return PortalDatabase.count("SELECT count(*) FROM audit_entry WHERE subject_type = 'asset' AND subject_id = ?"
                + " AND action = ?", asset, action);
    }

    private static long auditAbout(String asset) throws SQLException {
        return PortalDatabase.count("SELECT count(*) FROM audit_entry WHERE subject_id = ?", asset);
    }

    private static String inReview(Deque<String> pool) {
        String asset = pool.pop();
        assertThat(submit("designer", WS, "[\"art-director\",\"brand-manager\"]", asset).status()).isEqualTo(201);
        return asset;
    }

    /** A refused attempt answers 403 or 404 (a non-member learns nothing) and changes neither state nor trail. */
    private static void refused(ApiClient.Answer answer, String workspace, String asset, String stateBefore,
                                long auditBefore, String who) throws SQLException {
        assertThat(answer.status()).as(who + ": " + answer.body()).isIn(403, 404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(state(workspace, asset)).as(who).isEqualTo(stateBefore);
        assertThat(auditAbout(asset)).as(who + " leaves no audit entry").isEqualTo(auditBefore);
    }

    @Test
    void everyRoleMayMakeOnlyItsTransitionsAndOnlyInItsWorkspaces() throws Exception {
        Deque<String> pool = generate("designer", WS, 8);
        pool.addAll(generate("designer", WS, 8));
        String otherAsset = generate("designer", OTHER, 1).pop();

        for (String user : ROLES) {
            // submit
            String asset = pool.pop();
            long before = auditAbout(asset);
            var answer = submit(user, WS, "[\"art-director\",\"brand-manager\"]".replace("\"" + user + "\",", "")
                    .replace(",\"" + user + "\"", ""), asset);
            if (SUBMITTERS.contains(user)) {
                assertThat(answer.status()).as(user + ": " + answer.body()).isEqualTo(201);
                assertThat(state(WS, asset)).isEqualTo("IN_REVIEW");
                assertThat(audit(asset, "asset.submitted")).isEqualTo(1);
            } else {
                refused(answer, WS, asset, "GENERATED", before, user + " submits");
                pool.push(asset);
            }
            if (!user.equals("designer")) { // the designer is the member who generated there
                refused(submit(user, OTHER, "[\"designer\"]", otherAsset), OTHER, otherAsset, "GENERATED",
                        auditAbout(otherAsset), user + " submits elsewhere");
            }
        }

        for (String verdict : List.of("APPROVE", "REJECT", "REQUEST_CHANGES")) {
            String expected = Map.of("APPROVE", "APPROVED", "REJECT", "REJECTED", "REQUEST_CHANGES", "CHANGES_REQUESTED")
                    .get(verdict);
            String action = Map.of("APPROVE", "asset.approved", "REJECT", "asset.rejected", "REQUEST_CHANGES",
                    "asset.changes-requested").get(verdict);
            for (String user : ROLES) {
                String asset = inReview(pool);
                long before = auditAbout(asset);
                long actionsBefore = audit(asset, action);
                var answer = decide(user, WS, asset, verdict, "matrix check");
                if (APPROVERS.contains(user)) {
                    assertThat(answer.status()).as(user + " " + verdict + ": " + answer.body()).isEqualTo(200);
                    assertThat(state(WS, asset)).isEqualTo(expected);
                    assertThat(audit(asset, action)).as(user + " " + verdict).isEqualTo(actionsBefore + 1);
                    assertThat(auditAbout(asset)).isEqualTo(before + 1);
                } else {
                    refused(answer, WS, asset, "IN_REVIEW", before, user + " " + verdict);
                    pool.push(recycled(asset));
                }
                refused(decide(user, OTHER, otherAsset, verdict, "not my workspace"), OTHER, otherAsset, "GENERATED",
                        auditAbout(otherAsset), user + " " + verdict + " elsewhere");
            }
        }
    }

    /** An asset a refused decision left IN_REVIEW goes back to the pool once sent back for changes. */
    private static String recycled(String asset) {
        assertThat(decide("brand-manager", WS, asset, "REQUEST_CHANGES", "recycled by the test").status())
                .isEqualTo(200);
        return asset;
    }

    @Test
    void aDecisionOnAnAssetNotInReviewIsAConflictAndRejectionNeedsAComment() throws Exception {
        Deque<String> pool = generate("designer", WS, 2);
        String generated = pool.pop();
        var early = decide("art-director", WS, generated, "APPROVE", null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asText()).contains("GENERATED");

        String asset = inReview(pool);
        var silent = decide("art-director", WS, asset, "REJECT", " ");
        assertThat(silent.status()).isEqualTo(400);
        assertThat(silent.json().get("detail").asText()).contains("comment");
        assertThat(state(WS, asset)).isEqualTo("IN_REVIEW");
    }

    @Test
    void twoApprovalsAreNeededWhenTheWorkspaceSaysSoAndSelfApprovalIsRefused() throws Exception {
        String ws = TestWorkspaces.withDesigner("review-n", "Two approvals");
        var admin = ApiClient.as("admin");
        for (String role : List.of("art-director", "brand-manager")) {
            admin.put("/workspaces/" + ws + "/members/" + role, "{\"role\":\"" + role + "\"}");
        }
        assertThat(admin.put("/workspaces/" + ws + "/review-settings",
                "{\"requiredApprovals\":2,\"selfApprovalAllowed\":false}").status()).isEqualTo(200);
        assertThat(ApiClient.as("designer").put("/workspaces/" + ws + "/review-settings",
                "{\"requiredApprovals\":1,\"selfApprovalAllowed\":true}").status()).isEqualTo(403);
        String asset = generate("designer", ws, 1).pop();
        assertThat(submit("designer", ws, "[\"art-director\",\"brand-manager\"]", asset).status()).isEqualTo(201);

        var first = decide("art-director", ws, asset, "APPROVE", "colours fine");
        assertThat(first.json().get("state").asText()).isEqualTo("IN_REVIEW");
        assertThat(first.json().get("approvals").asInt()).isEqualTo(1);
        assertThat(decide("art-director", ws, asset, "APPROVE", "again").status()).as("one vote per reviewer")
                .isEqualTo(409);
        assertThat(decide("brand-manager", ws, asset, "APPROVE", "on brand").json().get("state").asText())
                .isEqualTo("APPROVED");
        assertThat(audit(asset, "asset.approval-recorded")).isEqualTo(1);
        assertThat(audit(asset, "asset.approved")).isEqualTo(1);

        // the art director's own image: they cannot pick themselves, nor approve it when someone else submits it
        String own = generate("art-director", ws, 1).pop();
        assertThat(submit("art-director", ws, "[\"art-director\"]", own).status()).isEqualTo(400);
        assertThat(submit("art-director", ws, "[\"brand-manager\"]", own).status()).isEqualTo(201);
        var self = decide("art-director", ws, own, "APPROVE", "mine");
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.json().get("detail").asText()).contains("self-approval");
        assertThat(state(ws, own)).isEqualTo("IN_REVIEW");
    }

    @Test
    void onlyApprovedAssetsLeaveThePortalAndEveryExportIsAudited() throws Exception {
        Deque<String> pool = generate("designer", WS, 2);
        String asset = pool.pop();
        var api = ApiClient.as("designer");
        var early = api.get("/workspaces/" + WS + "/assets/" + asset + "/export");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asText()).contains("GENERATED");
        assertThat(api.get("/workspaces/" + WS + "/assets/" + asset + "/content").status()).isEqualTo(409);
        assertThat(download("designer", "/workspaces/" + WS + "/assets/" + asset + "/preview").statusCode())
                .as("the working copy is always there").isEqualTo(200);

        submit("designer", WS, "[\"art-director\"]", asset);
        decide("art-director", WS, asset, "APPROVE", "ship it");
        HttpResponse<byte[]> exported = download("compliance", "/workspaces/" + WS + "/assets/" + asset + "/export");
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.body()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(exported.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        assertThat(audit(asset, "asset.exported")).isEqualTo(1);

        // approved means locked: a designer can no longer tag it, a reviewer can
        assertThat(api.put("/workspaces/" + WS + "/assets/" + asset + "/tags/hero", "").status()).isEqualTo(403);
        assertThat(ApiClient.as("art-director").put("/workspaces/" + WS + "/assets/" + asset + "/tags/hero", "")
                .status()).isEqualTo(200);
        assertThat(ApiClient.as("art-director").post("/workspaces/" + WS + "/assets/" + asset + "/archive", "{}")
                .json().get("state").asText()).isEqualTo("ARCHIVED");
        assertThat(api.get("/workspaces/" + WS + "/assets/" + asset + "/export").status()).isEqualTo(409);
    }

    @Test
    void blockedAssetsCanNeverBeSubmitted() throws Exception {
        String asset = generate("designer", WS, 1).pop();
        try (var c = PortalDatabase.connect(); var s = c.prepareStatement(
                "UPDATE asset SET state = 'BLOCKED', blocked_reason = 'safety classifier (test fixture)' WHERE id = ?::uuid")) {
            s.setString(1, asset);
            s.executeUpdate();
        }
        var answer = submit("designer", WS, "[\"art-director\"]", asset);
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("detail").asText()).contains("BLOCKED", "safety classifier");
    }

    @Test
    void changesRequestedThenResubmittedThenApprovedWithCommentsAndInboxNotices() throws Exception {
        Deque<String> pool = generate("designer", WS, 3);
        String asset = pool.pop();
        String bulkA = pool.pop();
        String generated = pool.pop();
        assertThat(submit("designer", WS, "[\"art-director\"]", asset, bulkA).status()).isEqualTo(201);
        var inboxBefore = ApiClient.as("art-director").get("/inbox?unread=true").json().get("unread").asLong();
        assertThat(inboxBefore).isPositive();

        assertThat(decide("art-director", WS, asset, "REQUEST_CHANGES", "warmer light, please").json().get("state")
                .asText()).isEqualTo("CHANGES_REQUESTED");
        var comment = ApiClient.as("art-director").post("/workspaces/" + WS + "/assets/" + asset + "/comments",
                "{\"text\":\"@designer the shadow on the left is too hard\",\"region\":{\"x\":0.1,\"y\":0.2,"
                        + "\"width\":0.3,\"height\":0.3}}");
        assertThat(comment.status()).as(comment.body()).isEqualTo(201);
        assertThat(ApiClient.as("art-director").post("/workspaces/" + WS + "/assets/" + asset + "/comments",
                "{\"text\":\"cc @nobody-here\"}").status()).isEqualTo(400);

        JsonNode inbox = ApiClient.as("designer").get("/inbox").json();
        List<String> kinds = new ArrayList<>();
        inbox.get("items").forEach(i -> {
            if (i.get("subjectId").asText().equals(asset)) {
                kinds.add(i.get("kind").asText());
            }
        });
        assertThat(kinds).contains("DECISION_MADE", "MENTION");
        org.awaitility.Awaitility.await("the decision mailed to the designer").atMost(java.time.Duration.ofSeconds(20))
                .until(() -> java.util.Arrays.stream(SMTP.getReceivedMessages()).anyMatch(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals("designer@atelier.test")
                                && m.getSubject().endsWith("Review decision")
                                && com.icegreen.greenmail.util.GreenMailUtil.getBody(m).contains(asset);
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                }));

        assertThat(ApiClient.as("designer").post("/workspaces/" + WS + "/reviews/resubmissions/" + asset, "{}")
                .json().get("state").asText()).isEqualTo("IN_REVIEW");
        assertThat(decide("art-director", WS, asset, "APPROVE", "").json().get("state").asText()).isEqualTo("APPROVED");

        // bulk: one asset not in review makes the whole batch fail, and the other stays untouched
        var bulk = ApiClient.as("art-director").post("/workspaces/" + WS + "/reviews/decisions",
                "{\"assets\":[\"" + bulkA + "\",\"" + generated + "\"],\"verdict\":\"APPROVE\",\"comment\":\"ok\"}");
        assertThat(bulk.status()).isEqualTo(409);
        assertThat(state(WS, bulkA)).isEqualTo("IN_REVIEW");

        JsonNode lineage = ApiClient.as("compliance").get("/workspaces/" + WS + "/assets/" + asset + "/lineage").json();
        List<String> verdicts = new ArrayList<>();
        lineage.get("decisions").forEach(d -> verdicts.add(d.get("verdict").asText()));
        assertThat(verdicts).containsExactly("REQUEST_CHANGES", "APPROVE");
        assertThat(lineage.get("comments").get(0).get("region").get("width").asDouble()).isEqualTo(0.3, within());
        List<String> actions = new ArrayList<>();
        lineage.get("history").forEach(h -> actions.add(h.get("action").asText()));
        assertThat(actions).containsExactly("asset.approved", "asset.resubmitted", "asset.commented",
                "asset.changes-requested", "asset.submitted");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-6);
    }

    private static HttpResponse<byte[]> download(String user, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Portal.API + path))
                .header("Authorization", "Bearer " + ApiClient.as(user).token()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
