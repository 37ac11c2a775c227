package com.atelier.governance.provenance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * C2PA Content Credentials for the rest of the application: signs generated PNG and JPEG images with Atelier's key and
 * verifies files against Atelier's trust list. Only wires configuration; the work is done by {@link ManifestSigner}
 * and {@link ProvenanceVerifier}. Creating the bean fails with a message naming {@code atelier.provenance.keystore}
 * when no signing key is configured.
 */
@ApplicationScoped
public class ContentCredentials {

    private ManifestSigner signer;
    private ProvenanceVerifier verifier;

    protected ContentCredentials() {
        // for CDI proxies
    }

    @Inject
    public ContentCredentials(
            @ConfigProperty(name = "atelier.provenance.keystore") Optional<String> keystore,
            @ConfigProperty(name = "atelier.provenance.keystore-password", defaultValue = "atelier-dev") String password,
            @ConfigProperty(name = "atelier.provenance.key-alias", defaultValue = "atelier-signing") String alias,
            @ConfigProperty(name = "atelier.provenance.trust-dir") Optional<String> trustDir) {
        this(new ProvenanceSettings(keystore.map(Path::of), password, alias, trustDir.map(Path::of)), Clock.systemUTC());
    }

    public ContentCredentials(ProvenanceSettings settings, Clock clock) {
        this.verifier = settings.verifier(clock);
        this.signer = settings.signer(verifier, clock);
    }

    /** The PNG with a signed C2PA manifest in a {@code caBX} chunk; {@code manifest.format()} must be image/png. */
    public byte[] signPng(byte[] png, ProvenanceManifest manifest) {
        return signer.signPng(png, manifest);
    }

    /** The JPEG with a signed C2PA manifest in APP11 segments; {@code manifest.format()} must be image/jpeg. */
    public byte[] signJpeg(byte[] jpeg, ProvenanceManifest manifest) {
        return signer.signJpeg(jpeg, manifest);
    }

    /** What the file's Content Credentials say, checked against Atelier's trust list. */
    public ProvenanceReport verify(byte[] file) {
        return verifier.verify(file);
    }
}
