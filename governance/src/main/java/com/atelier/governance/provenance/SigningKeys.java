package com.atelier.governance.provenance;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Permission;
import com.atelier.governance.audit.AuditEvent;
import com.atelier.governance.audit.AuditTrail;
import com.atelier.governance.failure.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import com.atelier.governance.json.Jsonp;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Key rotation, an audited admin action: a new PKCS#12 (encrypted with the configured keystore password) is checked
 * against the C2PA certificate rules and the trust list, stored, and from then on signs. Manifests signed before stay
 * verifiable: each carries its own certificate chain, and the roots stay in the trust list.
 */
@ApplicationScoped
public class SigningKeys {

    private EntityManager entityManager;
    private ContentCredentials credentials;
    private AuditTrail auditTrail;
    private Clock clock;
    private String password;

    protected SigningKeys() {
        // for CDI proxies
    }

    @Inject
    public SigningKeys(EntityManager entityManager, ContentCredentials credentials, AuditTrail auditTrail, Clock clock,
                       @ConfigProperty(name = "atelier.provenance.keystore-password", defaultValue = "atelier-dev")
                       String password) {
        this.entityManager = entityManager;
        this.credentials = credentials;
        this.auditTrail = auditTrail;
        this.clock = clock;
        this.password = password;
    }

    /**
     * The signer as the API shows it: subject, fingerprint, expiry, and, for a rotated key, since when and by whom
     * (null for the configured keystore).
     */
    public record ActiveKey(String subject, String fingerprint, java.time.Instant notAfter,
                            java.time.Instant activatedAt, String activatedBy) {
    }

    @Transactional
    public ActiveKey rotate(Actor actor, byte[] pkcs12, String alias) {
        actor.require(Permission.MANAGE_WORKSPACES, "rotate the signing key");
        if (pkcs12 == null || pkcs12.length == 0) {
            throw new InvalidInputException("keystore", "Send the new PKCS#12 keystore as the request body.");
        }
        String entry = alias == null || alias.isBlank() ? "atelier-signing" : alias.strip();
        SigningCredentials next = read(pkcs12, entry);
        X509Certificate leaf = next.signer();
        List<String> problems = CertificateRules.problems(leaf, Date.from(clock.instant()));
        if (!problems.isEmpty()) {
            throw new InvalidInputException("keystore", "The new certificate breaks the C2PA certificate rules: "
                    + String.join("; ", problems) + ".");
        }
        if (!credentials.trusts(next.chain())) {
            throw new InvalidInputException("keystore", "The new certificate does not chain to a root in the trust"
                    + " list; add its root to atelier.provenance.trust-dir on every node first.");
        }
        ActiveKey before = credentials.activeKey();
        SigningKey stored = new SigningKey(pkcs12, entry, leaf.getSubjectX500Principal().getName(), fingerprint(leaf),
                leaf.getNotAfter().toInstant(), clock.instant().truncatedTo(ChronoUnit.MICROS), actor.userId());
        entityManager.persist(stored);
        auditTrail.append(new AuditEvent(actor, "provenance.key-rotated", "signing-key", stored.fingerprint(),
                Optional.empty(), Jsonp.createObjectBuilder()
                        .add("before", Jsonp.createObjectBuilder().add("subject", before.subject())
                                .add("fingerprint", before.fingerprint()))
                        .add("after", Jsonp.createObjectBuilder().add("subject", stored.subject())
                                .add("fingerprint", stored.fingerprint())
                                .add("notAfter", stored.notAfter().toString()))
                        .build().toString()));
        entityManager.flush();
        credentials.use(stored.id(), next);
        return new ActiveKey(stored.subject(), stored.fingerprint(), stored.notAfter(), stored.activatedAt(),
                stored.activatedBy());
    }

    public ActiveKey active() {
        return credentials.activeKey();
    }

    SigningCredentials read(byte[] pkcs12, String alias) {
        try {
            return SigningCredentials.fromPkcs12(pkcs12, password.toCharArray(), alias);
        } catch (GeneralSecurityException | java.io.IOException | IllegalStateException e) {
            throw new InvalidInputException("keystore", "Not a PKCS#12 keystore readable with the configured keystore"
                    + " password, holding a key under '" + alias + "': " + e.getMessage());
        }
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
