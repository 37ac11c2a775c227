package com.atelier.governance.provenance;

import com.upokecenter.cbor.CBORObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The acceptance bar: files we sign are checked by implementations we did not write. The reference implementation
 * (c2pa-rs as WebAssembly) must find them valid and trusted when given our test root, and must see tampering.
 * {@code src/test/c2pa-validator} is installed by {@code npm ci} in generate-test-resources.
 */
class C2paValidatorTest {

    private static final Path VALIDATOR = Path.of("src/test/c2pa-validator");
    private static final Path OUT = Path.of("target/c2pa");
    private static Map<String, CBORObject> results;

    @BeforeAll
    static void signAndValidate() throws Exception {
        assumeTrue(Files.isDirectory(VALIDATOR.resolve("node_modules/@contentauth/c2pa-wasm")),
                "the C2PA validator is not installed (npm ci in " + VALIDATOR + ")");
        TestPki pki = TestPki.create("Atelier Validator Test Root");
        ProvenanceVerifier verifier = new ProvenanceVerifier(pki.trustList(), Clock.systemUTC());
        ManifestSigner signer = new ManifestSigner(pki.signer(), verifier, Clock.systemUTC());
        Files.createDirectories(OUT);
        // the validator trusts the in-memory test root and the root made by the development key script
        Path devKeys = DevSigningKeyScriptTest.createDevKeys(OUT.resolve("dev-keys"));
        Files.writeString(OUT.resolve("test-root.pem"), TestPki.pem(pki.root)
                + Files.readString(devKeys.resolve("trust/atelier-dev-root.pem")));
        ContentCredentials devCredentials = new ContentCredentials(
                Optional.of(devKeys.resolve("signing.p12").toString()), "atelier-dev", "atelier-signing",
                Optional.empty(), Optional.empty(), null);

        byte[] png = signer.signPng(TestImages.png(256), Manifests.generated(ProvenanceManifest.PNG));
        byte[] jpeg = signer.signJpeg(TestImages.jpeg(256), Manifests.generated(ProvenanceManifest.JPEG));
        byte[] derived = signer.signJpeg(TestImages.jpeg(512),
                Manifests.derived(ProvenanceManifest.JPEG, png, ProvenanceManifest.PNG));
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("generated.png", png);
        files.put("generated.jpg", jpeg);
        files.put("derived.jpg", derived);
        files.put("dev-key.png", devCredentials.signPng(TestImages.png(128),
                Manifests.generated(ProvenanceManifest.PNG)));
        files.put("tampered-pixel.png", Tamper.flipPixelByteInIdat(png));
        files.put("tampered-scan.jpg", Tamper.flipScanByte(jpeg));
        files.put("tampered-assertion.png", Tamper.changeAssertion(png, "com.atelier.generation", "job-42", "job-99"));
        List<String> command = new ArrayList<>(List.of("node", "validate.mjs", "--trust-anchor",
                OUT.resolve("test-root.pem").toAbsolutePath().toString()));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = OUT.resolve(file.getKey());
            Files.write(path, file.getValue());
            command.add(path.toAbsolutePath().toString());
        }
        String json = run(command);
        Files.writeString(OUT.resolve("validator-report.json"), json);
        results = new HashMap<>();
        for (CBORObject entry : CBORObject.FromJSONString(json).getValues()) {
            results.put(Path.of(entry.get("file").AsString()).getFileName().toString(), entry);
        }
    }

    @Test
    void referenceImplementationTrustsOurPng() {
        assertValidAndTrusted("generated.png");
    }

    @Test
    void referenceImplementationTrustsOurJpeg() {
        assertValidAndTrusted("generated.jpg");
    }

    @Test
    void referenceImplementationTrustsTheDevelopmentKeyScriptsCertificates() {
        CBORObject rs = assertValidAndTrusted("dev-key.png");
        assertThat(rs.get("signer").AsString()).isEqualTo("Atelier Development Content Credentials");
    }

    @Test
    void referenceImplementationTrustsDerivedImageAndValidatesItsParent() {
        CBORObject rs = assertValidAndTrusted("derived.jpg");
        assertThat(rs.get("ingredients").ToJSONString()).contains("parentOf");
        assertThat(rs.get("ingredientDeltas").ToJSONString()).contains("ingredient.manifest.validated");
    }

    @Test
    void referenceImplementationSeesChangedPixels() {
        assertThat(failures("tampered-pixel.png")).contains("assertion.dataHash.mismatch");
        assertThat(results.get("tampered-pixel.png").get("c2paTs").get("isValid").AsBoolean()).isFalse();
    }

    @Test
    void referenceImplementationSeesChangedJpegScanData() {
        assertThat(failures("tampered-scan.jpg")).contains("assertion.dataHash.mismatch");
    }

    @Test
    void referenceImplementationSeesChangedAssertion() {
        assertThat(failures("tampered-assertion.png")).contains("assertion.hashedURI.mismatch");
        assertThat(results.get("tampered-assertion.png").get("c2paTs").get("isValid").AsBoolean()).isFalse();
    }

    private static CBORObject assertValidAndTrusted(String file) {
        CBORObject rs = results.get(file).get("c2paRs");
        assertThat(rs.get("error")).as("c2pa-rs error for %s: %s", file, rs).isNull();
        assertThat(rs.get("failure").ToJSONString()).as("c2pa-rs failures for %s", file).isEqualTo("[]");
        assertThat(rs.get("validationState").AsString()).isEqualTo("Trusted");
        assertThat(rs.get("success").ToJSONString())
                .contains("signingCredential.trusted", "claimSignature.validated", "assertion.dataHash.match");
        assertThat(rs.get("assertions").ToJSONString())
                .contains("c2pa.actions.v2", "cawg.training-mining", "com.atelier.generation");
        CBORObject ts = results.get(file).get("c2paTs");
        assertThat(ts.get("isValid").AsBoolean()).as("c2pa-ts for %s: %s", file, ts).isTrue();
        return rs;
    }

    private static String failures(String file) {
        CBORObject rs = results.get(file).get("c2paRs");
        return rs.get("failure") == null ? rs.ToJSONString() : rs.get("failure").ToJSONString();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(VALIDATOR.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            assumeTrue(false, "node is not installed: " + e.getMessage());
            throw e;
        }
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("validator finished").isTrue();
        assertThat(process.exitValue()).as("validator exit code").isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
