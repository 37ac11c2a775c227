package com.atelier.governance.provenance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningCredentialsTest {

    private static final TestPki PKI = TestPki.create("Keystore Test Root");

    @Test
    void loadsKeyAndChainFromPkcs12WithoutTheRoot(@TempDir Path dir) throws Exception {
        SigningCredentials issued = PKI.signer();
        Path keystore = PKI.writeKeystore(dir.resolve("signing.p12"), issued, "atelier-signing", "secret");

        SigningCredentials loaded = SigningCredentials.fromPkcs12(keystore, "secret".toCharArray(), "atelier-signing");

        assertThat(loaded.chain()).containsExactly(issued.signer());
        assertThat(loaded.privateKey().getEncoded()).isEqualTo(issued.privateKey().getEncoded());
    }

    @Test
    void namesTheAliasWhenItIsMissing(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("empty.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (OutputStream out = Files.newOutputStream(keystore)) {
            store.store(out, "secret".toCharArray());
        }

        assertThatThrownBy(() -> SigningCredentials.fromPkcs12(keystore, "secret".toCharArray(), "atelier-signing"))
                .hasMessageContaining("atelier-signing");
    }

    @Test
    void trustListReadsEveryPemInTheDirectory(@TempDir Path dir) {
        TestPki retired = TestPki.create("Retired Root");
        PKI.writeRootPem(dir.resolve("current.pem"));
        retired.writeRootPem(dir.resolve("retired-2024.pem"));

        TrustList trust = TrustList.fromDirectory(dir);

        assertThat(trust.anchors()).containsExactlyInAnyOrder(PKI.root, retired.root);
        assertThat(trust.trusts(retired.signer().chain(), new Date())).isTrue();
        assertThat(trust.trusts(TestPki.create("Unknown").signer().chain(), new Date())).isFalse();
        assertThat(trust.trusts(List.of(PKI.root), new Date())).as("a bare root is no signer").isFalse();
    }
}
