package com.atelier.governance.provenance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentCredentialsTest {

    @Test
    void missingKeystoreNamesThePropertyAndTheDevScript(@TempDir Path dir) {
        assertThatThrownBy(() -> new ContentCredentials(Optional.of(dir.resolve("signing.p12").toString()),
                "atelier-dev", "atelier-signing", Optional.empty(), Optional.empty(), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("atelier.provenance.keystore")
                .hasMessageContaining("deploy/provenance/dev-signing-key.sh");
        assertThatThrownBy(() -> new ContentCredentials(Optional.empty(), "atelier-dev", "atelier-signing",
                Optional.empty(), Optional.empty(), null))
                .hasMessageContaining("atelier.provenance.keystore");
    }

    @Test
    void signsAndVerifiesWithTheConfiguredKeystoreAndTrustDirectory(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.create("Configured Root");
        SigningCredentials issued = pki.signer();
        Path keystore = pki.writeKeystore(dir.resolve("signing.p12"), issued, "atelier-signing", "atelier-dev");
        Files.createDirectories(dir.resolve("trust"));
        pki.writeRootPem(dir.resolve("trust/root.pem"));

        ContentCredentials credentials = new ContentCredentials(Optional.of(keystore.toString()), "atelier-dev",
                "atelier-signing", Optional.empty(), Optional.empty(), null);
        byte[] signed = credentials.signPng(TestImages.png(32), Manifests.generated(ProvenanceManifest.PNG));

        assertThat(credentials.verify(signed).verdict()).isEqualTo(ProvenanceReport.Verdict.VALID);
    }
}
