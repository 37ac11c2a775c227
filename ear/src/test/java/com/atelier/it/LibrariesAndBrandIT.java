package com.atelier.it;

import com.atelier.governance.library.lora.SafetensorsWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared libraries and the brand policy as the generation flow uses them: a LoRA must be published and fit
 * the model, a template renders with its variables and the job records its version, the brand policy refuses
 * competitor marks, applies its prefix and blocks off-palette images.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LibrariesAndBrandIT {

    private static String WS;

    @Deployment(testable = false)
    static EnterpriseArchive portal() {
        return Portal.ear();
    }

    @BeforeAll
    static void workspaceWithEveryDesignRole() {
        LocalTriton.ensureRunning();
        WS = TestWorkspaces.withDesigner("lib", "Library tests");
        var admin = ApiClient.as("admin");
        for (String role : List.of("senior-designer", "art-director", "brand-manager")) {
            assertThat(admin.put("/workspaces/" + WS + "/members/" + role, "{\"role\":\"" + role + "\"}").status())
                    .isEqualTo(200);
        }
    }

    private static ApiClient.Answer generate(String body) {
        return ApiClient.as("designer").post("/workspaces/" + WS + "/generations?mode=sync", body);
    }

    /** A rank-4 SDXL LoRA in kohya's naming, as sd-scripts writes it. */
    private static byte[] sdxlLora() {
        var writer = new SafetensorsWriter();
        String module = "lora_unet_input_blocks_4_1_transformer_blocks_0_attn1_to_q";
        writer.bf16(module + ".lora_down.weight", new long[]{4, 640}, new float[4 * 640]);
        writer.bf16(module + ".lora_up.weight", new long[]{640, 4}, new float[640 * 4]);
        writer.f32Scalar(module + ".alpha", 4);
        return writer.toBytes();
    }

    @Test
    void aLoraIsUsableOnlyOncePublishedAndOnlyOnItsBaseFamily() throws Exception {
        var senior = ApiClient.as("senior-designer");
        var created = senior.post("/workspaces/" + WS + "/loras", "{\"name\":\"linen-texture\",\"triggerWord\":"
                + "\"lnntx\",\"family\":\"sdxl\",\"description\":\"woven linen\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        var upload = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Portal.API + "/workspaces/" + WS
                        + "/loras/" + id + "/versions?datasetSize=12&steps=800"))
                .header("Authorization", "Bearer " + senior.token()).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(sdxlLora())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        JsonNode version = new ObjectMapper().readTree(upload.body());
        assertThat(version.get("state").asText()).isEqualTo("DRAFT");
        assertThat(version.get("rank").asInt()).isEqualTo(4);
        var garbage = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Portal.API + "/workspaces/" + WS
                        + "/loras/" + id + "/versions"))
                .header("Authorization", "Bearer " + senior.token()).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9})).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(garbage.statusCode()).as(garbage.body()).isEqualTo(400);
        // the ITs' server takes LoRA files up to 1 MiB (atelier.lora.max-bytes in arquillian.xml)
        var oversized = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Portal.API + "/workspaces/" + WS
                        + "/loras/" + id + "/versions"))
                .header("Authorization", "Bearer " + senior.token()).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(oversized.statusCode()).as(oversized.body()).isEqualTo(413);
        assertThat(oversized.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(PortalDatabase.count("SELECT count(*) FROM lora_version WHERE adapter_id = ?", id))
                .as("refused uploads store nothing").isEqualTo(1);

        String withLora = "{\"models\":[\"%s\"],\"prompt\":\"lnntx tote bag\",\"width\":512,\"height\":512,"
                + "\"count\":1,\"steps\":4,\"loras\":[{\"name\":\"linen-texture\",\"weight\":0.8}]}";
        var draft = generate(withLora.formatted("sdxl"));
        assertThat(draft.status()).as(draft.body()).isEqualTo(400);
        assertThat(draft.json().get("detail").asText()).contains("linen-texture");

        assertThat(ApiClient.as("designer").post("/workspaces/" + WS + "/loras/" + id + "/versions/1/publish", "")
                .status()).as("designers may not publish").isEqualTo(403);
        assertThat(ApiClient.as("art-director").post("/workspaces/" + WS + "/loras/" + id + "/versions/1/publish", "")
                .status()).isEqualTo(200);

        var wrongFamily = generate(withLora.formatted("flux2"));
        assertThat(wrongFamily.status()).isEqualTo(400);
        assertThat(wrongFamily.json().get("detail").asText()).contains("linen-texture", "flux2");

        var ok = generate(withLora.formatted("sdxl"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        JsonNode lora = ok.json().get("spec").get("loras").get(0);
        assertThat(lora.get("sha256").asText()).isEqualTo(version.get("sha256").asText());
        assertThat(lora.get("version").asInt()).isEqualTo(1);
        assertThat(PortalDatabase.count("SELECT count(*) FROM lora_use WHERE job_id = ?::uuid",
                ok.json().get("id").asText())).isEqualTo(1);
    }

    @Test
    void aTrainingRunPreparesTheDatasetInABatchJobAndRegistersADraftVersion() throws Exception {
        var senior = ApiClient.as("senior-designer");
        long id = senior.post("/workspaces/" + WS + "/loras", "{\"name\":\"trained-linen\",\"triggerWord\":"
                + "\"trlnn\",\"family\":\"sdxl\"}").json().get("id").asLong();
        String boundary = "atelier-" + java.util.UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < 10; i++) {
            part(body, boundary, "image", "ref-" + i + ".png", "image/png", referenceImage(i));
        }
        part(body, boundary, "rank", null, "text/plain", "16".getBytes());
        part(body, boundary, "steps", null, "text/plain", "200".getBytes());
        part(body, boundary, "triggerWord", null, "text/plain", "trlnn".getBytes());
        body.write(("--" + boundary + "--\r\n").getBytes());
        var started = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Portal.API + "/workspaces/" + WS
                        + "/training-runs?lora=" + id))
                .header("Authorization", "Bearer " + senior.token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String run = new ObjectMapper().readTree(started.body()).get("id").asText();

        JsonNode done = org.awaitility.Awaitility.await("training run " + run)
                .atMost(java.time.Duration.ofSeconds(90)).pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> senior.get("/workspaces/" + WS + "/training-runs/" + run).json(),
                        r -> List.of("SUCCEEDED", "FAILED").contains(r.get("state").asText()));
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("version").asInt()).isEqualTo(1);
        JsonNode version = senior.get("/workspaces/" + WS + "/loras/" + id + "/versions/1").json();
        assertThat(version.get("state").asText()).isEqualTo("DRAFT");
        assertThat(version.get("rank").asInt()).isEqualTo(16);
        assertThat(version.get("trainingRunId").asText()).isEqualTo(run);
    }

    private static byte[] referenceImage(int i) throws Exception {
        var image = new java.awt.image.BufferedImage(320, 320, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(40 + i * 20, 120, 200 - i * 10));
        g.fillRect(0, 0, 320, 320);
        g.setColor(java.awt.Color.WHITE);
        g.fillOval(40 + i * 5, 60, 160, 160);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void part(java.io.ByteArrayOutputStream body, String boundary, String name, String fileName,
                             String type, byte[] content) throws Exception {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\nContent-Type: " + type
                + "\r\n\r\n").getBytes());
        body.write(content);
        body.write("\r\n".getBytes());
    }

    @Test
    void aTemplateKeepsEveryVersionRefusesAStaleEditAndRollsBackToANewVersion() throws Exception {
        var designer = ApiClient.as("designer");
        String prompts = "/workspaces/" + WS + "/prompts";
        long id = designer.post(prompts, "{\"name\":\"Versioned\",\"text\":\"a {product} on sand\"}").json()
                .get("id").asLong();
        var second = designer.withHeader("If-Match", "\"1\"").put(prompts + "/" + id,
                "{\"name\":\"Versioned\",\"text\":\"a {product} on wet sand\"}");
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().get("version").asInt()).isEqualTo(2);
        var stale = designer.withHeader("If-Match", "\"1\"").put(prompts + "/" + id,
                "{\"name\":\"Versioned\",\"text\":\"a {product} on dry sand\"}");
        assertThat(stale.status()).as("an edit based on version 1 after version 2 exists").isEqualTo(409);
        var diff = designer.get(prompts + "/" + id + "/diff?from=1&to=2");
        assertThat(diff.status()).isEqualTo(200);
        assertThat(diff.body()).contains("wet");
        var rolledBack = designer.post(prompts + "/" + id + "/rollback?to=1", "");
        assertThat(rolledBack.status()).as(rolledBack.body()).isIn(200, 201);
        assertThat(rolledBack.json().get("version").asInt()).isEqualTo(3);
        assertThat(rolledBack.json().get("text").asText()).isEqualTo("a {product} on sand");
        assertThat(designer.get(prompts + "/" + id + "/versions").json()).hasSize(3);
        assertThat(PortalDatabase.count("SELECT count(*) FROM audit_entry WHERE chain = ? AND subject_type ="
                + " 'prompt-template' AND subject_id = ?", "workspace:" + WS, String.valueOf(id)))
                .as("one entry per version, none for the refused edit").isEqualTo(3);
    }

    @Test
    void aLoraFileOfAnotherFamilyIsRefusedAndNothingIsStored() throws Exception {
        var senior = ApiClient.as("senior-designer");
        long id = senior.post("/workspaces/" + WS + "/loras", "{\"name\":\"flux-misfit\",\"triggerWord\":\"mft\","
                + "\"family\":\"flux2\"}").json().get("id").asLong();
        var upload = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Portal.API + "/workspaces/" + WS
                        + "/loras/" + id + "/versions"))
                .header("Authorization", "Bearer " + senior.token()).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(sdxlLora())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(400);
        assertThat(upload.body()).containsIgnoringCase("sdxl").containsIgnoringCase("flux2");
        assertThat(PortalDatabase.count("SELECT count(*) FROM lora_version WHERE adapter_id = ?", id)).isZero();
    }

    @Test
    void brandManagersKeepTheBrandKitsLogosAndEveryChangeIsAudited() throws Exception {
        var image = new java.awt.image.BufferedImage(120, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        String logos = Portal.API + "/workspaces/" + WS + "/brand-logos";
        java.util.function.BiFunction<String, byte[], HttpResponse<String>> add = (user, bytes) -> {
            try {
                return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(logos + "?name=Wordmark"))
                        .header("Authorization", "Bearer " + ApiClient.as(user).token())
                        .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertThat(add.apply("designer", png.toByteArray()).statusCode()).isEqualTo(403);
        assertThat(add.apply("brand-manager", "not an image".getBytes()).statusCode()).isEqualTo(400);
        // the same small file declaring a 16000x16000 canvas (IHDR and its CRC patched): refused from its header
        byte[] bomb = png.toByteArray().clone();
        java.nio.ByteBuffer.wrap(bomb).putInt(16, 16_000).putInt(20, 16_000);
        var crc = new java.util.zip.CRC32();
        crc.update(bomb, 12, 17);
        java.nio.ByteBuffer.wrap(bomb).putInt(29, (int) crc.getValue());
        var refused = add.apply("brand-manager", bomb);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(refused.body()).get("field").asText()).isEqualTo("file");
        assertThat(refused.body()).contains("16000x16000");
        var added = add.apply("brand-manager", png.toByteArray());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode logo = new ObjectMapper().readTree(added.body());
        assertThat(logo.get("width").asInt()).isEqualTo(120);
        long id = logo.get("id").asLong();
        assertThat(ApiClient.as("designer").get("/workspaces/" + WS + "/brand-logos").json().findValuesAsText("name"))
                .contains("Wordmark");
        assertThat(ApiClient.as("designer").delete("/workspaces/" + WS + "/brand-logos/" + id).status()).isEqualTo(403);
        assertThat(ApiClient.as("brand-manager").delete("/workspaces/" + WS + "/brand-logos/" + id).status())
                .isEqualTo(204);
        assertThat(ApiClient.as("designer").get("/workspaces/" + WS + "/brand-logos").json()).isEmpty();
        assertThat(PortalDatabase.count("SELECT count(*) FROM audit_entry WHERE subject_type = 'brand-logo'"
                + " AND subject_id = ?", String.valueOf(id))).isEqualTo(2);
    }

    @Test
    void aTemplateRendersWithItsVariablesAndTheJobRecordsTheVersion() throws Exception {
        var designer = ApiClient.as("designer");
        var created = designer.post("/workspaces/" + WS + "/prompts", "{\"name\":\"Seasonal product\",\"text\":"
                + "\"a {product} on a table, {season:spring|summer} light\",\"defaultModel\":\"sdxl\",\"steps\":4,"
                + "\"width\":512,\"height\":512,\"tags\":[\"catalogue\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        long versionId = created.json().get("versionId").asLong();

        var missing = generate("{\"template\":{\"id\":" + id + ",\"variables\":{\"product\":\"vase\"}}}");
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.body()).contains("variables.season");
        var wrong = generate("{\"template\":{\"id\":" + id + ",\"variables\":{\"product\":\"vase\",\"season\":"
                + "\"winter\"}}}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("spring", "summer");

        var ok = generate("{\"template\":{\"id\":" + id + ",\"variables\":{\"product\":\"vase\",\"season\":"
                + "\"summer\"}},\"count\":1}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        JsonNode spec = ok.json().get("spec");
        assertThat(spec.get("prompt").asText()).isEqualTo("a vase on a table, summer light");
        assertThat(spec.get("models").get(0).asText()).isEqualTo("sdxl");
        assertThat(spec.get("template").get("versionId").asLong()).isEqualTo(versionId);
        assertThat(designer.get("/workspaces/" + WS + "/prompts/" + id).json().get("useCount").asLong())
                .isEqualTo(1);
    }

    @Test
    void theBrandPolicyRefusesCompetitorMarksAppliesItsPrefixAndBlocksOffPaletteImages() throws Exception {
        var policy = "{\"competitorMarks\":[\"pepsi\"],\"promptPrefix\":\"Acme studio style,\","
                + "\"palette\":[\"#00ff00\"],\"paletteThreshold\":1.0}";
        assertThat(ApiClient.as("designer").put("/workspaces/" + WS + "/brand-policy", policy).status())
                .isEqualTo(403);
        var saved = ApiClient.as("brand-manager").put("/workspaces/" + WS + "/brand-policy", policy);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        var badRegex = ApiClient.as("brand-manager").put("/workspaces/" + WS + "/brand-policy",
                "{\"regexRules\":[{\"name\":\"broken\",\"pattern\":\"(unclosed\",\"message\":\"x\"}]}");
        assertThat(badRegex.status()).isEqualTo(400);
        assertThat(badRegex.body()).contains("broken");

        String request = "{\"models\":[\"sdxl\"],\"prompt\":\"%s\",\"width\":512,\"height\":512,\"count\":1,"
                + "\"steps\":4}";
        var refused = generate(request.formatted("a cold P\u0435psi can"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("detail").asText()).containsIgnoringCase("competitor mark");

        var rendered = generate(request.formatted("a ceramic mug"));
        assertThat(rendered.status()).as(rendered.body()).isEqualTo(200);
        assertThat(rendered.json().get("spec").get("prompt").asText()).startsWith("Acme studio style,");
        JsonNode image = rendered.json().get("results").get("sdxl").get(0);
        assertThat(image.get("state").asText()).as("nothing rendered here is pure green").isEqualTo("BLOCKED");
        assertThat(image.get("blockedReason").asText()).containsIgnoringCase("palette");
    }
}
