package com.atelier.governance.provenance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * C2PA Content Credentials for the rest of the application: signs generated PNG and JPEG images with Atelier's key and
 * verifies files against Atelier's trust list. Only wires configuration; the work is done by {@link ManifestSigner}
 * and {@link ProvenanceVerifier}. Creating the bean fails with a message naming {@code atelier.provenance.keystore}
 * when no signing key is configured.
 */
@ApplicationScoped
public class ContentCredentials {

    /** How often a node looks for a key another node rotated to. */
    static final Duration KEY_CHECK = Duration.ofSeconds(5);

    /** The key that signs now: 0 is the configured keystore, otherwise a rotated key's row. */
    private record Active(long keyId, SigningCredentials credentials, ManifestSigner signer, Instant checkedAt) {
    }

    private ProvenanceSettings settings;
    private ProvenanceVerifier verifier;
    private TrustList trustList;
    private Clock clock;
    private EntityManager entityManager;
    private volatile Active active;

    protected ContentCredentials() {
        // for CDI proxies
    }

    @Inject
    public ContentCredentials(
            @ConfigProperty(name = "atelier.provenance.keystore") Optional<String> keystore,
            @ConfigProperty(name = "atelier.provenance.keystore-password", defaultValue = "atelier-dev") String password,
            @ConfigProperty(name = "atelier.provenance.key-alias", defaultValue = "atelier-signing") String alias,
            @ConfigProperty(name = "atelier.provenance.trust-dir") Optional<String> trustDir,
            @ConfigProperty(name = "atelier.provenance.pkcs11-config") Optional<String> pkcs11Config,
            EntityManager entityManager) {
        this(new ProvenanceSettings(keystore.map(Path::of), password, alias, trustDir.map(Path::of),
                pkcs11Config.map(Path::of)), Clock.systemUTC());
        this.entityManager = entityManager;
    }

    public ContentCredentials(ProvenanceSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.trustList = settings.trustList();
        this.verifier = new ProvenanceVerifier(trustList, clock);
        SigningCredentials configured = settings.credentials();
        this.active = new Active(0, configured, new ManifestSigner(configured, verifier, clock), Instant.MIN);
    }

    /** Whether a certificate chain (end-entity first) leads to a root of the trust list. */
    public boolean trusts(List<X509Certificate> chain) {
        return trustList.trusts(chain, Date.from(clock.instant()));
    }

    /** Signs with these credentials from now on (after a rotation on this node). */
    void use(long keyId, SigningCredentials credentials) {
        active = new Active(keyId, credentials, new ManifestSigner(credentials, verifier, clock), clock.instant());
    }

    /** The certificate that signs now. */
    public SigningKeys.ActiveKey activeKey() {
        X509Certificate leaf = current().credentials().signer();
        return new SigningKeys.ActiveKey(leaf.getSubjectX500Principal().getName(), SigningKeys.fingerprint(leaf),
                leaf.getNotAfter().toInstant(), null, null);
    }

    // Looks for a newer rotated key at most every KEY_CHECK, so every node follows a rotation within seconds.
    private Active current() {
        Active now = active;
        if (entityManager == null || now.checkedAt().isAfter(clock.instant().minus(KEY_CHECK))) {
            return now;
        }
        List<SigningKey> newest = entityManager.createQuery("SELECT k FROM SigningKey k ORDER BY k.id DESC",
                SigningKey.class).setMaxResults(1).getResultList();
        if (newest.isEmpty() || newest.get(0).id() == now.keyId()) {
            active = new Active(now.keyId(), now.credentials(), now.signer(), clock.instant());
        } else {
            SigningKey key = newest.get(0);
            try {
                use(key.id(), SigningCredentials.fromPkcs12(key.pkcs12(), settings.password().toCharArray(),
                        key.alias()));
            } catch (java.security.GeneralSecurityException | java.io.IOException e) {
                throw new IllegalStateException("the rotated signing key " + key.fingerprint() + " cannot be read"
                        + " with the configured keystore password: " + e.getMessage(), e);
            }
        }
        return active;
    }

    /** The PNG with a signed C2PA manifest in a {@code caBX} chunk; {@code manifest.format()} must be image/png. */
    public byte[] signPng(byte[] png, ProvenanceManifest manifest) {
        return current().signer().signPng(png, manifest);
    }

    /** The JPEG with a signed C2PA manifest in APP11 segments; {@code manifest.format()} must be image/jpeg. */
    public byte[] signJpeg(byte[] jpeg, ProvenanceManifest manifest) {
        return current().signer().signJpeg(jpeg, manifest);
    }

    /** What the file's Content Credentials say, checked against Atelier's trust list. */
    public ProvenanceReport verify(byte[] file) {
        return verifier.verify(file);
    }
}
