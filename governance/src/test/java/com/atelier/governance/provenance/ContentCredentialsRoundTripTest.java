package com.atelier.governance.provenance;

import com.atelier.governance.digest.Sha256;
import com.atelier.governance.provenance.ProvenanceReport.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentCredentialsRoundTripTest {

    private static final TestPki PKI = TestPki.create("Atelier Test Root");
    private final ProvenanceVerifier verifier = new ProvenanceVerifier(PKI.trustList(), Clock.systemUTC());
    private final ManifestSigner signer = new ManifestSigner(PKI.signer(), verifier, Clock.systemUTC());

    @Test
    void signedPngVerifiesWithItsGenerationDetails() {
        byte[] signed = signer.signPng(TestImages.png(64), Manifests.generated(ProvenanceManifest.PNG));

        ProvenanceReport report = verifier.verify(signed);

        assertThat(report.verdict()).isEqualTo(Verdict.VALID);
        assertThat(report.problems()).isEmpty();
        assertThat(report.signatureValid()).isTrue();
        assertThat(report.chainTrusted()).isTrue();
        assertThat(report.hardBindingIntact()).isTrue();
        assertThat(report.assertionsIntact()).isTrue();
        assertThat(report.activeManifest()).hasValueSatisfying(label -> assertThat(label).startsWith("urn:c2pa:"));
        assertThat(report.signer()).hasValue("CN=Atelier Test Signer,O=Atelier Test");
        assertThat(report.signingTime()).as("no time-stamp authority was used").isEmpty();
        assertThat(report.generation())
                .containsEntry("model", "flux2")
                .containsEntry("workspace", "acme-marketing")
                .containsEntry("jobId", "job-42")
                .containsEntry("assetId", "asset-7")
                .containsEntry("prompt", "a lighthouse at dusk in brand colours")
                .containsEntry("promptSha256", Sha256.hex("a lighthouse at dusk in brand colours"));
        assertThat((List<?>) report.generation().get("loras")).singleElement()
                .isEqualTo(Map.of("name", "brand-style", "sha256", Sha256.hex("brand-style weights")));
    }

    @Test
    void signedJpegVerifies() {
        byte[] signed = signer.signJpeg(TestImages.jpeg(64), Manifests.generated(ProvenanceManifest.JPEG));

        assertThat(verifier.verify(signed).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void promptTextStaysOutUnlessAllowed() {
        ProvenanceManifest.GenerationDetails details = ProvenanceManifest.GenerationDetails.of("flux2", "2.0.1",
                List.of(), "secret campaign prompt", false, "acme", "job-1", java.util.Optional.empty(), "d@acme");
        byte[] signed = signer.signPng(TestImages.png(32),
                ProvenanceManifest.forGeneratedImage("x.png", ProvenanceManifest.PNG, "0.1.0", details));

        Map<String, Object> generation = verifier.verify(signed).generation();
        assertThat(generation).doesNotContainKeys("prompt", "assetId")
                .containsEntry("promptSha256", Sha256.hex("secret campaign prompt"));
        assertThat(new String(signed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("secret campaign");
    }

    @Test
    void resigningReplacesTheEarlierManifest() {
        byte[] once = signer.signPng(TestImages.png(32), Manifests.generated(ProvenanceManifest.PNG));
        byte[] twice = signer.signPng(once, Manifests.generated(ProvenanceManifest.PNG));

        assertThat(PngCarrierTest.chunkTypes(twice)).filteredOn("caBX"::equals).hasSize(1);
        assertThat(verifier.verify(twice).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void pixelChangedAfterSigningIsTampered() {
        byte[] signed = signer.signPng(TestImages.png(64), Manifests.generated(ProvenanceManifest.PNG));

        ProvenanceReport report = verifier.verify(Tamper.flipPixelByteInIdat(signed));

        assertThat(report.verdict()).isEqualTo(Verdict.TAMPERED);
        assertThat(report.hardBindingIntact()).isFalse();
        assertThat(report.signatureValid()).isTrue();
        assertThat(report.problems()).anyMatch(p -> p.contains("c2pa.hash.data mismatch"));
    }

    @Test
    void jpegScanDataChangedAfterSigningIsTampered() {
        byte[] signed = signer.signJpeg(TestImages.jpeg(64), Manifests.generated(ProvenanceManifest.JPEG));

        assertThat(verifier.verify(Tamper.flipScanByte(signed)).verdict()).isEqualTo(Verdict.TAMPERED);
    }

    @Test
    void assertionChangedAfterSigningIsTampered() {
        byte[] signed = signer.signPng(TestImages.png(64), Manifests.generated(ProvenanceManifest.PNG));

        byte[] changed = Tamper.changeAssertion(signed, "com.atelier.generation", "job-42", "job-99");
        ProvenanceReport report = verifier.verify(changed);

        assertThat(report.verdict()).isEqualTo(Verdict.TAMPERED);
        assertThat(report.assertionsIntact()).isFalse();
        assertThat(report.hardBindingIntact()).as("the image itself is unchanged").isTrue();
        assertThat(report.problems()).anyMatch(p -> p.contains("com.atelier.generation changed after signing"));
    }

    @Test
    void signerFromAnotherCaIsUntrusted() {
        TestPki stranger = TestPki.create("Someone Else's Root");
        ManifestSigner strangeSigner = new ManifestSigner(stranger.signer(), verifier, Clock.systemUTC());
        byte[] signed = strangeSigner.signPng(TestImages.png(32), Manifests.generated(ProvenanceManifest.PNG));

        ProvenanceReport report = verifier.verify(signed);

        assertThat(report.verdict()).isEqualTo(Verdict.UNTRUSTED);
        assertThat(report.signatureValid()).isTrue();
        assertThat(report.chainTrusted()).isFalse();
    }

    @Test
    void oldRootStaysTrustedAfterRotation() {
        TestPki retired = TestPki.create("Atelier Root 2024");
        byte[] signedBeforeRotation = new ManifestSigner(retired.signer(), verifier, Clock.systemUTC())
                .signPng(TestImages.png(32), Manifests.generated(ProvenanceManifest.PNG));
        ProvenanceVerifier afterRotation = new ProvenanceVerifier(
                PKI.trustList().with(List.of(retired.root)), Clock.systemUTC());

        assertThat(afterRotation.verify(signedBeforeRotation).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void unsignedImagesHaveNoManifest() {
        assertThat(verifier.verify(TestImages.png(16)).verdict()).isEqualTo(Verdict.NO_MANIFEST);
        assertThat(verifier.verify(TestImages.jpeg(16)).verdict()).isEqualTo(Verdict.NO_MANIFEST);
        assertThat(verifier.verify("GIF89a".getBytes()).verdict()).isEqualTo(Verdict.NO_MANIFEST);
    }

    @Test
    void derivedImageCarriesItsParentAsIngredient() {
        byte[] parent = signer.signPng(TestImages.png(64), Manifests.generated(ProvenanceManifest.PNG));
        String parentLabel = verifier.verify(parent).activeManifest().orElseThrow();

        byte[] derived = signer.signJpeg(TestImages.jpeg(128),
                Manifests.derived(ProvenanceManifest.JPEG, parent, ProvenanceManifest.PNG));

        ProvenanceReport report = verifier.verify(derived);
        assertThat(report.verdict()).isEqualTo(Verdict.VALID);
        assertThat(report.activeManifest()).isNotEqualTo(java.util.Optional.of(parentLabel));
        JumbfBox store = JumbfBox.read(new JpegCarrier().find(derived).orElseThrow().store());
        assertThat(store.children()).extracting(JumbfBox::label)
                .containsExactly(parentLabel, report.activeManifest().orElseThrow());
        JumbfBox assertions = store.child(report.activeManifest().orElseThrow()).orElseThrow()
                .child(Jumbf.ContentType.ASSERTION_STORE).orElseThrow();
        assertThat(assertions.children()).extracting(JumbfBox::label)
                .contains("c2pa.ingredient.v3", "c2pa.actions.v2");
        String actions = com.upokecenter.cbor.CBORObject.DecodeFromBytes(
                assertions.child("c2pa.actions.v2").orElseThrow().content()).ToJSONString();
        assertThat(actions).contains("c2pa.opened", "c2pa.resized", "c2pa.color_adjustments");
    }

    @Test
    void changedParentManifestIsTampered() {
        byte[] parent = signer.signPng(TestImages.png(64), Manifests.generated(ProvenanceManifest.PNG));
        byte[] derived = signer.signPng(TestImages.png(128),
                Manifests.derived(ProvenanceManifest.PNG, parent, ProvenanceManifest.PNG));

        // the first com.atelier.generation box in the store is the parent's
        byte[] changed = Tamper.changeAssertion(derived, "com.atelier.generation", "job-42", "job-99");

        ProvenanceReport report = verifier.verify(changed);
        assertThat(report.verdict()).isEqualTo(Verdict.TAMPERED);
        assertThat(report.problems()).anyMatch(p -> p.startsWith("ingredient 'lighthouse.png'"));
    }

    @Test
    void refusesToSignWithACertificateThatBreaksTheRules() {
        SigningCredentials noEku = PKI.leaf().withoutExtendedKeyUsage().build();

        assertThatThrownBy(() -> new ManifestSigner(noEku, verifier, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no extended key usage");
    }

    @Test
    void refusesAManifestForAnotherFormat() {
        assertThatThrownBy(() -> signer.signJpeg(TestImages.jpeg(16), Manifests.generated(ProvenanceManifest.PNG)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
