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

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every generated image leaves the worker with C2PA Content Credentials; compliance verifies an exported file, a
 * tampered copy and a file that never had credentials, and sees which asset a file is.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProvenanceApiIT {

    private static String WS;

    @Deployment(testable = false)
    static EnterpriseArchive portal() {
        return Portal.ear();
    }

    @BeforeAll
    static void workspaceWithAReviewer() {
        LocalTriton.ensureRunning();
        WS = TestWorkspaces.withDesigner("prov", "Provenance tests");
        assertThat(ApiClient.as("admin").put("/workspaces/" + WS + "/members/art-director",
                "{\"role\":\"art-director\"}").status()).isEqualTo(200);
    }

    private static HttpResponse<byte[]> send(String user, HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.header("Authorization", "Bearer " + ApiClient.as(user).token())
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode verify(String user, byte[] file, int expectedStatus) throws Exception {
        var answer = send(user, HttpRequest.newBuilder(URI.create(Portal.API + "/provenance/verify"))
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(file)));
        assertThat(answer.statusCode()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(expectedStatus);
        return new ObjectMapper().readTree(answer.body());
    }

    @Test
    void anExportedImageVerifiesAsOursAndATamperedCopyDoesNot() throws Exception {
        var answer = ApiClient.as("designer").post("/workspaces/" + WS + "/generations?mode=sync",
                "{\"models\":[\"sdxl\"],\"prompt\":\"a glass bottle on sand, provenance test\",\"width\":512,"
                        + "\"height\":512,\"count\":1,\"steps\":4,\"seed\":11}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        String job = answer.json().get("id").asText();
        String asset = answer.json().get("results").get("sdxl").get(0).get("id").asText();
        assertThat(ApiClient.as("designer").post("/workspaces/" + WS + "/reviews", "{\"title\":\"Bottle\","
                + "\"reviewers\":[\"art-director\"],\"assets\":[\"" + asset + "\"]}").status()).isEqualTo(201);
        assertThat(ApiClient.as("art-director").post("/workspaces/" + WS + "/reviews/decisions/" + asset,
                "{\"verdict\":\"APPROVE\"}").status()).isEqualTo(200);
        byte[] exported = send("compliance", HttpRequest.newBuilder(URI.create(Portal.API + "/workspaces/" + WS
                + "/assets/" + asset + "/export")).GET()).body();
        assertThat(new String(exported, StandardCharsets.ISO_8859_1)).as("a caBX chunk").contains("caBX");

        JsonNode valid = verify("compliance", exported, 200);
        assertThat(valid.get("verdict").asText()).as(valid.toString()).isEqualTo("VALID");
        assertThat(valid.get("signatureValid").asBoolean()).isTrue();
        assertThat(valid.get("chainTrusted").asBoolean()).isTrue();
        assertThat(valid.get("hardBindingIntact").asBoolean()).isTrue();
        assertThat(valid.get("exactCopy").asBoolean()).isTrue();
        assertThat(valid.get("asset").get("id").asText()).isEqualTo(asset);
        JsonNode generation = valid.get("generation");
        assertThat(generation.get("jobId").asText()).isEqualTo(job);
        assertThat(generation.get("model").asText()).isEqualTo("sdxl");
        assertThat(generation.get("workspace").asText()).isEqualTo(WS);
        assertThat(generation.has("promptSha256")).isTrue();
        assertThat(generation.has("prompt")).as("the prompt text stays out unless the workspace allows it").isFalse();
        List<String> history = new ArrayList<>();
        valid.get("history").forEach(h -> history.add(h.get("action").asText()));
        assertThat(history).contains("asset.exported", "asset.approved");

        byte[] jpeg = send("compliance", HttpRequest.newBuilder(URI.create(Portal.API + "/workspaces/" + WS
                + "/assets/" + asset + "/export?format=jpeg")).GET()).body();
        assertThat(jpeg).startsWith(0xFF, 0xD8);
        JsonNode jpegVerdict = verifyJpeg(jpeg);
        assertThat(jpegVerdict.get("verdict").asText()).as(jpegVerdict.toString()).isEqualTo("VALID");
        assertThat(jpegVerdict.get("generation").get("assetId").asText()).isEqualTo(asset);
        assertThat(jpegVerdict.get("asset").get("id").asText()).isEqualTo(asset);

        JsonNode tampered = verify("compliance", flipOnePixelByte(exported), 200);
        assertThat(tampered.get("verdict").asText()).as(tampered.toString()).isEqualTo("TAMPERED");
        assertThat(tampered.get("hardBindingIntact").asBoolean()).isFalse();
        assertThat(tampered.get("exactCopy").asBoolean()).isFalse();
        assertThat(tampered.get("asset").get("id").asText()).as("still claims to be our asset").isEqualTo(asset);
    }

    @Test
    void anApprovedAssetUpscaledOrColourCorrectedIsANewSignedAssetThatNeedsItsOwnApproval() throws Exception {
        var designer = ApiClient.as("designer");
        var answer = designer.post("/workspaces/" + WS + "/generations?mode=sync", "{\"models\":[\"flux2\"],"
                + "\"prompt\":\"a copper kettle, derivative test\",\"width\":512,\"height\":512,\"count\":1,\"steps\":4,\"seed\":11}");
        String asset = answer.json().get("results").get("flux2").get(0).get("id").asText();
        String derivatives = "/workspaces/" + WS + "/assets/" + asset + "/derivatives";
        assertThat(designer.post(derivatives, "{\"operation\":\"upscale\"}").status())
                .as("only approved assets").isEqualTo(409);
        designer.post("/workspaces/" + WS + "/reviews", "{\"title\":\"Kettle\",\"reviewers\":[\"art-director\"],"
                + "\"assets\":[\"" + asset + "\"]}");
        ApiClient.as("art-director").post("/workspaces/" + WS + "/reviews/decisions/" + asset, "{\"verdict\":\"APPROVE\"}");

        var upscaled = designer.post(derivatives, "{\"operation\":\"upscale\"}");
        assertThat(upscaled.status()).as(upscaled.body()).isEqualTo(201);
        assertThat(upscaled.json().get("width").asInt()).isEqualTo(2048);
        assertThat(upscaled.json().get("state").asText()).isEqualTo("GENERATED");
        assertThat(upscaled.json().get("derivedFrom").asText()).isEqualTo(asset);
        var warm = designer.post(derivatives, "{\"operation\":\"colour-preset\",\"preset\":\"warm\"}");
        assertThat(warm.status()).as(warm.body()).isEqualTo(201);
        assertThat(warm.json().get("operation").asText()).isEqualTo("colour-warm");
        assertThat(designer.post(derivatives, "{\"operation\":\"colour-preset\",\"preset\":\"sepia\"}").status())
                .isEqualTo(400);

        String derived = warm.json().get("id").asText();
        String derivedExport = Portal.API + "/workspaces/" + WS + "/assets/" + derived + "/export";
        assertThat(send("compliance", HttpRequest.newBuilder(URI.create(derivedExport)).GET()).statusCode())
                .as("a derivative needs its own approval").isEqualTo(409);
        designer.post("/workspaces/" + WS + "/reviews", "{\"title\":\"Warm kettle\",\"reviewers\":[\"art-director\"],"
                + "\"assets\":[\"" + derived + "\"]}");
        ApiClient.as("art-director").post("/workspaces/" + WS + "/reviews/decisions/" + derived, "{\"verdict\":\"APPROVE\"}");
        byte[] file = send("compliance", HttpRequest.newBuilder(URI.create(derivedExport)).GET()).body();
        JsonNode verdict = verify("compliance", file, 200);
        assertThat(verdict.get("verdict").asText()).as(verdict.toString()).isEqualTo("VALID");
        assertThat(verdict.get("asset").get("id").asText()).isEqualTo(derived);
        assertThat(verdict.get("generation").get("jobId").asText()).isEqualTo(answer.json().get("id").asText());
        assertThat(PortalDatabase.count("SELECT count(*) FROM audit_entry WHERE action = 'asset.derived' AND"
                + " subject_id = ?", derived)).isEqualTo(1);
    }

    @Test
    void anAdminRotatesTheSigningKeyAndOldFilesStillVerify() throws Exception {
        byte[] before = signedImage("a lantern before the rotation");
        String oldSigner = verify("compliance", before, 200).get("signer").asText();

        java.nio.file.Path keys = java.nio.file.Path.of(System.getProperty("it.signing.keystore")).getParent();
        java.nio.file.Path next = java.nio.file.Files.createTempDirectory("atelier-rotation").resolve("next.p12");
        var issue = new ProcessBuilder("bash", java.nio.file.Path.of("..", "deploy", "provenance", "dev-signing-key.sh")
                .toString(), "--issue", keys.toString(), next.toString()).inheritIO().start();
        assertThat(issue.waitFor()).isZero();
        byte[] keystore = java.nio.file.Files.readAllBytes(next);

        assertThat(upload("designer", keystore).statusCode()).isEqualTo(403);
        assertThat(upload("admin", new byte[]{1, 2, 3}).statusCode()).isEqualTo(400);
        var rotated = upload("admin", keystore);
        assertThat(rotated.statusCode()).as(new String(rotated.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        String newSigner = new ObjectMapper().readTree(rotated.body()).get("subject").asText();
        assertThat(newSigner).isNotEqualTo(oldSigner);

        JsonNode after = verify("compliance", signedImage("a lantern after the rotation"), 200);
        assertThat(after.get("verdict").asText()).isEqualTo("VALID");
        assertThat(after.get("signer").asText()).isEqualTo(newSigner);
        JsonNode old = verify("compliance", before, 200);
        assertThat(old.get("verdict").asText()).as("old manifests stay verifiable").isEqualTo("VALID");
        assertThat(old.get("signer").asText()).isEqualTo(oldSigner);
        assertThat(PortalDatabase.count("SELECT count(*) FROM audit_entry WHERE action = 'provenance.key-rotated'"
                + " AND actor = 'admin' AND summary LIKE ?", "%" + newSigner.replace("%", "") + "%")).isEqualTo(1);
    }

    /** Generates one image, approves it and exports it: a file that left the portal. */
    private static byte[] signedImage(String prompt) throws Exception {
        var answer = ApiClient.as("designer").post("/workspaces/" + WS + "/generations?mode=sync",
                "{\"models\":[\"sdxl\"],\"prompt\":\"" + prompt + "\",\"width\":512,\"height\":512,\"count\":1,"
                        + "\"steps\":4,\"seed\":11}");
        String asset = answer.json().get("results").get("sdxl").get(0).get("id").asText();
        ApiClient.as("designer").post("/workspaces/" + WS + "/reviews", "{\"title\":\"Lantern\",\"reviewers\":"
                + "[\"art-director\"],\"assets\":[\"" + asset + "\"]}");
        ApiClient.as("art-director").post("/workspaces/" + WS + "/reviews/decisions/" + asset, "{\"verdict\":\"APPROVE\"}");
        return send("compliance", HttpRequest.newBuilder(URI.create(Portal.API + "/workspaces/" + WS + "/assets/"
                + asset + "/export")).GET()).body();
    }

    private static HttpResponse<byte[]> upload(String user, byte[] keystore) throws Exception {
        return send(user, HttpRequest.newBuilder(URI.create(Portal.API + "/provenance/signing-key"))
                .header("Content-Type", "application/x-pkcs12").POST(HttpRequest.BodyPublishers.ofByteArray(keystore)));
    }

    @Test
    void aFileWithoutCredentialsSaysSoAndOnlyComplianceMayAsk() throws Exception {
        var image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        assertThat(verify("compliance", out.toByteArray(), 200).get("verdict").asText()).isEqualTo("NO_MANIFEST");
        verify("designer", out.toByteArray(), 403);
        verify("compliance", new byte[0], 400);
    }

    private static JsonNode verifyJpeg(byte[] file) throws Exception {
        var answer = send("compliance", HttpRequest.newBuilder(URI.create(Portal.API + "/provenance/verify"))
                .header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofByteArray(file)));
        assertThat(answer.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(answer.body());
    }

    /** Changes one byte of compressed pixel data inside the first IDAT chunk, after signing. */
    private static byte[] flipOnePixelByte(byte[] png) {
        byte[] copy = png.clone();
        String text = new String(copy, StandardCharsets.ISO_8859_1);
        int idat = text.indexOf("IDAT");
        assertThat(idat).isPositive();
        copy[idat + 4 + 40] ^= 0x01;
        return copy;
    }
}
