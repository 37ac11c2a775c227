package com.atelier.it;

import com.atelier.sdk.AtelierClient;
import com.atelier.sdk.generation.GenerationRequest;
import com.atelier.sdk.generation.Job;
import com.atelier.sdk.generation.JobState;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generation end to end: REST API with real Keycloak tokens → PostgreSQL → Artemis → Camel workers → the CPU
 * KServe v2 server → asset store, and back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GenerationApiIT {

    private static String WORKSPACE;
    private static String GENERATIONS;

    @Deployment(testable = false)
    static EnterpriseArchive portal() {
        return Portal.ear();
    }

    @BeforeAll
    static void workspaceWithADesigner() {
        LocalTriton.ensureRunning();
        WORKSPACE = TestWorkspaces.withDesigner("gen", "Generation tests");
        GENERATIONS = "/workspaces/" + WORKSPACE + "/generations";
    }

    private static String request(String models, String prompt, int count) {
        return "{\"models\":" + models + ",\"prompt\":\"" + prompt + "\",\"width\":512,\"height\":512,\"count\":"
                + count + ",\"seed\":7,\"steps\":4}";
    }

    private static JsonNode awaitState(ApiClient client, String jobPath, String state) {
        return Awaitility.await(jobPath + " " + state).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> client.get(jobPath).json(), job -> job.get("state").asText().equals(state));
    }

    @Test
    void asyncJobIsAcceptedQueuedAndCompletesWithAuditedAssets() throws Exception {
        var designer = ApiClient.as("designer");

        var accepted = designer.post(GENERATIONS, request("[\"sdxl\"]", "a teal teapot, studio light", 2));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        String jobId = accepted.json().get("id").asText();
        assertThat(location).isEqualTo(Portal.API + GENERATIONS + "/" + jobId);
        JsonNode done = awaitState(designer, GENERATIONS + "/" + jobId, "SUCCEEDED");
        JsonNode images = done.get("results").get("sdxl");
        assertThat(images).hasSize(2);
        assertThat(images.get(0).get("seed").asLong()).isEqualTo(7);
        assertThat(images.get(1).get("seed").asLong()).isEqualTo(8);
        assertThat(images.get(0).get("sha256").asText()).isNotEqualTo(images.get(1).get("sha256").asText());
        byte[] png = download(designer, images.get(0).get("preview").asText());
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(PortalDatabase.count("SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action IN"
                + " ('generation.requested', 'generation.completed')", jobId)).isEqualTo(2);
        assertThat(PortalDatabase.count("SELECT count(*) FROM asset WHERE job_id = ?::uuid", jobId)).isEqualTo(2);
    }

    @Test
    void syncComparisonOfThreeModelsGroupsResultsPerModelWithTheSameSeeds() {
        var designer = ApiClient.as("designer");

        var answer = designer.post(GENERATIONS + "?mode=sync",
                request("[\"flux2\",\"sdxl\",\"sd35-large\"]", "a paper crane on a desk", 2));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode results = answer.json().get("results");
        List<String> models = new ArrayList<>();
        results.fieldNames().forEachRemaining(models::add);
        assertThat(models).containsExactly("flux2", "sdxl", "sd35-large");
        results.forEach(images -> {
            assertThat(images).hasSize(2);
            assertThat(images.findValuesAsText("seed")).containsExactly("7", "8");
        });
        assertThat(results.get("flux2").get(0).get("sha256").asText())
                .as("different models render different images").isNotEqualTo(results.get("sdxl").get(0).get("sha256").asText());
    }

    @Test
    void retriedPostWithTheSameIdempotencyKeyReturnsTheSameJob() throws SQLException {
        var designer = ApiClient.as("designer");
        String key = UUID.randomUUID().toString();
        String body = request("[\"sdxl\"]", "a lighthouse at dawn", 1);

        var first = designer.withHeader("Idempotency-Key", key).post(GENERATIONS, body);
        var retry = designer.withHeader("Idempotency-Key", key).post(GENERATIONS, body);

        assertThat(first.status()).isIn(200, 202);
        assertThat(retry.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(PortalDatabase.count("SELECT count(*) FROM generation_job WHERE idempotency_key = ?", key))
                .isEqualTo(1);
    }

    @Test
    void badRequestsAreRefusedAuditedAndNothingIsQueued() throws SQLException {
        var designer = ApiClient.as("designer");
        long jobsBefore = PortalDatabase.count("SELECT count(*) FROM generation_job");
        long rejectedBefore = PortalDatabase.count("SELECT count(*) FROM audit_entry WHERE chain = ? AND action ="
                + " 'generation.rejected'", "workspace:" + WORKSPACE);

        var unknownModel = designer.post(GENERATIONS, request("[\"dalle-9\"]", "a cat", 1));
        var badSize = designer.post(GENERATIONS, "{\"models\":[\"sdxl\"],\"prompt\":\"a cat\",\"width\":1001}");
        var tooMany = designer.post(GENERATIONS, request("[\"sdxl\"]", "a cat", 9));
        var banned = designer.post(GENERATIONS, request("[\"sdxl\"]", "a scene of gore", 1));
        var notMember = ApiClient.as("art-director").post(GENERATIONS, request("[\"sdxl\"]", "a cat", 1));

        assertThat(unknownModel.status()).isEqualTo(400);
        assertThat(unknownModel.json().get("field").asText()).isEqualTo("models");
        assertThat(unknownModel.json().get("detail").asText()).contains("dalle-9").contains("sdxl");
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.json().get("detail").asText()).contains("width must be a multiple of 8");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("field").asText()).isEqualTo("count");
        assertThat(banned.status()).isEqualTo(422);
        assertThat(banned.json().get("detail").asText()).contains("gore");
        assertThat(notMember.status()).isEqualTo(404);
        for (var answer : List.of(unknownModel, badSize, tooMany, banned, notMember)) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(PortalDatabase.count("SELECT count(*) FROM generation_job")).isEqualTo(jobsBefore);
        assertThat(PortalDatabase.count("SELECT count(*) FROM audit_entry WHERE chain = ? AND action ="
                + " 'generation.rejected'", "workspace:" + WORKSPACE)).isEqualTo(rejectedBefore + 3);
    }

    @Test
    void assetGalleryFiltersByModelAndTagAndPages() {
        var designer = ApiClient.as("designer");
        var done = designer.post(GENERATIONS + "?mode=sync", request("[\"sdxl\",\"flux2\"]", "a brass key", 2));
        assertThat(done.status()).isEqualTo(200);
        String assetId = done.json().get("results").get("flux2").get(1).get("id").asText();
        String assets = "/workspaces/" + WORKSPACE + "/assets";

        var tagged = designer.put(assets + "/" + assetId + "/tags/hero-shot", "{}");
        var page = designer.get(assets + "?model=flux2&size=1&page=0").json();
        var byTag = designer.get(assets + "?tag=hero-shot").json();
        var badState = designer.get(assets + "?state=SHINY");

        assertThat(tagged.status()).isEqualTo(200);
        assertThat(tagged.json().get("tags").get(0).asText()).isEqualTo("hero-shot");
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("items").get(0).get("model").asText()).isEqualTo("flux2");
        assertThat(byTag.get("items").findValuesAsText("id")).containsExactly(assetId);
        assertThat(badState.status()).isEqualTo(400);
    }

    @Test
    void tritonOutageKeepsJobsPendingAndTheyCompleteWhenItReturnsWhileAQueuedJobCanBeCancelled() {
        var designer = ApiClient.as("designer");
        LocalTriton.stop();
        try {
            // two workers take a job each and wait for Triton; the third job stays on the queue
            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                var accepted = designer.post(GENERATIONS, request("[\"sdxl\"]", "outage test " + i, 1));
                assertThat(accepted.status()).isEqualTo(202);
                jobs.add(GENERATIONS + "/" + accepted.json().get("id").asText());
            }
            awaitState(designer, jobs.get(0), "RUNNING");
            awaitState(designer, jobs.get(1), "RUNNING");
            assertThat(designer.get(jobs.get(2)).json().get("state").asText()).isEqualTo("QUEUED");

            var cancelled = designer.delete(jobs.get(2));
            var tooLate = designer.delete(jobs.get(0));

            assertThat(cancelled.status()).isEqualTo(200);
            assertThat(cancelled.json().get("state").asText()).isEqualTo("CANCELLED");
            assertThat(tooLate.status()).isEqualTo(409);
            LocalTriton.ensureRunning();
            awaitState(designer, jobs.get(0), "SUCCEEDED");
            awaitState(designer, jobs.get(1), "SUCCEEDED");
            assertThat(designer.get(jobs.get(2)).json().get("state").asText()).isEqualTo("CANCELLED");
            assertThat(designer.get(jobs.get(2)).json().get("results").get("sdxl")).isEmpty();
        } finally {
            LocalTriton.ensureRunning();
        }
    }

    @Test
    void webhookIsRetriedUntilTakenAndEveryNoticeIsSignedAndRecorded() throws Exception {
        var designer = ApiClient.as("designer");
        String secret = "whsec-" + UUID.randomUUID();
        List<String[]> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/atelier", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[]{exchange.getRequestHeaders().getFirst("Atelier-Signature"), body});
            // the first notice is refused, to see the portal try again
            exchange.sendResponseHeaders(received.size() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/atelier";
            var accepted = designer.post(GENERATIONS, "{\"models\":[\"sdxl\"],\"prompt\":\"a kite\",\"width\":512,"
                    + "\"height\":512,\"steps\":4,\"webhook\":{\"url\":\"" + url + "\",\"secret\":\"" + secret + "\"}}");
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            String jobId = accepted.json().get("id").asText();

            Awaitility.await("two webhook deliveries").atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 2);

            String[] taken = received.get(1);
            String timestamp = taken[0].replaceAll("^t=(\\d+),v1=.*$", "$1");
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + taken[1])
                    .getBytes(StandardCharsets.UTF_8)));
            assertThat(taken[0]).isEqualTo("t=" + timestamp + ",v1=" + expected);
            assertThat(taken[1]).contains(jobId).contains("\"state\":\"SUCCEEDED\"");
            assertThat(PortalDatabase.count("SELECT count(*) FROM webhook_delivery WHERE job_id = ?::uuid", jobId))
                    .isEqualTo(2);
            assertThat(PortalDatabase.count("SELECT count(*) FROM webhook_delivery WHERE job_id = ?::uuid"
                    + " AND attempt = 1 AND status_code = 503", jobId)).isEqualTo(1);
            assertThat(designer.get(GENERATIONS + "/" + jobId).body()).as("the secret is never shown again")
                    .doesNotContain(secret);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aWorkspaceWebhookHearsOfJobsThatNameNoneOfTheirOwn() throws Exception {
        String slug = TestWorkspaces.withDesigner("hook", "Workspace webhook");
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/cms", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/cms";
            String body = "{\"url\":\"" + url + "\",\"secret\":\"cms-secret-0123456789\"}";
            assertThat(ApiClient.as("designer").put("/workspaces/" + slug + "/webhook", body).status()).isEqualTo(403);
            assertThat(ApiClient.as("admin").put("/workspaces/" + slug + "/webhook", body).status()).isEqualTo(200);
            assertThat(ApiClient.as("designer").get("/workspaces/" + slug + "/webhook").body())
                    .contains(url).doesNotContain("cms-secret");

            var accepted = ApiClient.as("designer").post("/workspaces/" + slug + "/generations",
                    request("[\"sdxl\"]", "a weather vane", 1));
            String jobId = accepted.json().get("id").asText();
            Awaitility.await("the workspace webhook").atMost(Duration.ofSeconds(30))
                    .until(() -> received.stream().anyMatch(b -> b.contains(jobId)));
            assertThat(PortalDatabase.count("SELECT count(*) FROM audit_entry WHERE chain = ? AND action ="
                    + " 'workspace.webhook-changed'", "workspace:" + slug)).isEqualTo(1);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void webhookWithoutAUsableUrlOrSecretIsRefused() {
        var answer = ApiClient.as("designer").post(GENERATIONS, "{\"models\":[\"sdxl\"],\"prompt\":\"a kite\","
                + "\"webhook\":{\"url\":\"ftp://example.org/x\",\"secret\":\"short\"}}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asText()).isEqualTo("webhook.url");
    }

    @Test
    void workspaceDailyImageQuotaRefusesWith429AndRetryAfterWithoutQueueing() throws SQLException {
        String slug = TestWorkspaces.withDesignerAndQuota("quota", "Quota", 3);
        var designer = ApiClient.as("designer");
        String generations = "/workspaces/" + slug + "/generations";

        var first = designer.post(generations, request("[\"sdxl\"]", "quota one", 2));
        var refused = designer.post(generations, request("[\"sdxl\"]", "quota two", 2));
        var fits = designer.post(generations, request("[\"sdxl\"]", "quota three", 1));

        assertThat(first.status()).isEqualTo(202);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("2 of its 3 images");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                assertThat(Long.parseLong(v)).isBetween(1L, 86_400L));
        assertThat(fits.status()).as("what remains of the quota can still be used").isEqualTo(202);
        assertThat(PortalDatabase.count("SELECT count(*) FROM generation_job j JOIN workspace w ON w.id = j.workspace_id"
                + " WHERE w.slug = ?", slug)).isEqualTo(2);

        // an admin raises the quota (audited); a designer may not
        assertThat(designer.put("/workspaces/" + slug + "/quota", "{\"dailyImageQuota\":100}").status()).isEqualTo(403);
        assertThat(ApiClient.as("admin").put("/workspaces/" + slug + "/quota", "{\"dailyImageQuota\":0}").status())
                .isEqualTo(400);
        assertThat(ApiClient.as("admin").put("/workspaces/" + slug + "/quota", "{\"dailyImageQuota\":10}").status())
                .isEqualTo(200);
        assertThat(designer.post(generations, request("[\"sdxl\"]", "quota four", 2)).status()).isEqualTo(202);
        assertThat(PortalDatabase.count("SELECT count(*) FROM audit_entry WHERE chain = ? AND action ="
                + " 'workspace.quota-changed'", "workspace:" + slug)).isEqualTo(1);

        // the jobs one person may have in flight are the workspace's to set too (a benchmark raises them)
        var zero = ApiClient.as("admin").put("/workspaces/" + slug + "/quota",
                "{\"dailyImageQuota\":10,\"jobsInFlightPerUser\":0}");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().get("field").asText()).isEqualTo("jobsInFlightPerUser");
        var raised = ApiClient.as("admin").put("/workspaces/" + slug + "/quota",
                "{\"dailyImageQuota\":10,\"jobsInFlightPerUser\":500}");
        assertThat(raised.status()).isEqualTo(200);
        assertThat(raised.json().get("jobsInFlightPerUser").asInt()).isEqualTo(500);
        assertThat(PortalDatabase.count("SELECT jobs_in_flight_per_user FROM workspace WHERE slug = ?", slug))
                .isEqualTo(500);
    }

    @Test
    void serviceAccountGeneratesInAWorkspaceItIsAMemberOf() {
        var pipeline = ApiClient.withToken(KeycloakTokens.forClient("atelier-ci", "atelier-ci-dev-secret"));
        var me = pipeline.get("/me").json();
        assertThat(me.get("userId").asText()).isEqualTo("service-account-atelier-ci");
        assertThat(me.get("roles")).extracting(JsonNode::asText).containsExactly("developer");
        assertThat(pipeline.post(GENERATIONS, request("[\"sdxl\"]", "ci render", 1)).status())
                .as("not a member yet").isEqualTo(404);

        assertThat(ApiClient.as("admin").put("/workspaces/" + WORKSPACE + "/members/service-account-atelier-ci",
                "{\"role\":\"developer\"}").status()).isEqualTo(200);
        var accepted = pipeline.post(GENERATIONS + "?mode=sync", request("[\"sdxl\"]", "ci render", 1));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("requester").asText()).isEqualTo("service-account-atelier-ci");
    }

    @Test
    void usageReportGivesImagesAndGpuTimeByModelAndDayToAdminsOnly() {
        var designer = ApiClient.as("designer");
        assertThat(designer.post(GENERATIONS + "?mode=sync", request("[\"flux2\"]", "usage", 2)).status()).isEqualTo(200);

        var usage = ApiClient.as("admin").get("/workspaces/" + WORKSPACE + "/usage");
        var refused = designer.get("/workspaces/" + WORKSPACE + "/usage");

        assertThat(usage.status()).as(usage.body()).isEqualTo(200);
        JsonNode report = usage.json();
        assertThat(report.get("images").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(report.get("lines").findValuesAsText("model")).contains("flux2");
        assertThat(report.get("lines").get(0).get("day").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(report.get("gpuSeconds").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(refused.status()).isEqualTo(403);

        var metrics = ApiClient.as("admin").withHeader("Accept", "text/plain").get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        String flux = metrics.body().lines()
                .filter(l -> l.startsWith("atelier_images_total{") && l.contains("model=\"flux2\"")
                        && l.contains("workspace=\"" + WORKSPACE + "\""))
                .findFirst().orElseThrow(() -> new AssertionError(metrics.body()));
        assertThat(Double.parseDouble(flux.substring(flux.lastIndexOf(' ') + 1))).isGreaterThanOrEqualTo(2);
        assertThat(metrics.body()).contains("atelier_gpu_seconds_total");
        // where a render's time goes, step by step, for the models this test generated with
        for (String step : new String[]{"queue", "render", "check", "check.safety", "check.brand", "sign", "store"}) {
            assertThat(metrics.body()).as(step).containsPattern("atelier_render_step_seconds_count\\{model=\"flux2\","
                    + "step=\"" + java.util.regex.Pattern.quote(step) + "\"\\} [1-9]");
        }
        assertThat(designer.withHeader("Accept", "text/plain").get("/metrics").status()).isEqualTo(403);
    }

    @Test
    void javaSdkRunsAComparisonAndDownloadsVerifiedImages() {
        AtelierClient sdk = AtelierClient.builder()
                .url(Portal.API + "/")
                .keycloakUrl(URI.create(Portal.KEYCLOAK))
                .password("designer", "demo")
                .build();

        Job job = sdk.generations().run(WORKSPACE, GenerationRequest.builder()
                .model("sdxl").model("sd35-large")
                .prompt("an SDK-made origami fox")
                .width(512).height(512).count(1).seed(99L).steps(4)
                .build(), Duration.ofSeconds(60));

        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.results()).containsOnlyKeys("sdxl", "sd35-large");
        byte[] png = sdk.assets().preview(job.results().get("sd35-large").get(0));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(sdk.me().userId()).isEqualTo("designer");
    }

    @Test
    void openApiDocumentDescribesTheGenerationApi() throws Exception {
        HttpResponse<String> document = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(Portal.BASE + "/openapi?format=JSON")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("Atelier API").contains("/api/v1/workspaces/{ws}/generations")
                .contains("/api/v1/workspaces/{ws}/assets");
    }

    private static byte[] download(ApiClient client, String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + client.token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        return response.body();
    }
}
