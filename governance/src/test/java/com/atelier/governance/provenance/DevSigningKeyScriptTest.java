package com.atelier.governance.provenance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** deploy/provenance/dev-signing-key.sh makes a keystore Atelier can sign with, once. */
class DevSigningKeyScriptTest {

    private static final Path SCRIPT = Path.of("../deploy/provenance/dev-signing-key.sh");

    @Test
    void createsACompliantKeyOnceAndLeavesItAlone(@TempDir Path dir) throws Exception {
        Path keys = createDevKeys(dir.resolve("keys"));
        byte[] keystore = Files.readAllBytes(keys.resolve("signing.p12"));

        createDevKeys(keys);

        assertThat(Files.readAllBytes(keys.resolve("signing.p12"))).as("second run changes nothing").isEqualTo(keystore);
        ProvenanceSettings settings = new ProvenanceSettings(Optional.of(keys.resolve("signing.p12")), "atelier-dev",
                "atelier-signing", Optional.empty());
        SigningCredentials credentials = settings.credentials();
        assertThat(credentials.chain()).as("root left out").hasSize(1);
        assertThat(CertificateRules.problems(credentials.signer(), new Date())).isEmpty();
        assertThat(settings.trustList().trusts(credentials.chain(), new Date())).isTrue();
    }

    /** Runs the script into {@code dir}, or skips the calling test where bash or openssl is missing. */
    static Path createDevKeys(Path dir) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")) || Files.isExecutable(Path.of("/bin/openssl")),
                "openssl is not installed");
        Process process = new ProcessBuilder("bash", SCRIPT.toString(), dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return dir;
    }
}
