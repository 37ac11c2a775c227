package com.atelier.governance.asset;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Permission;
import com.atelier.governance.audit.AuditEntry;
import com.atelier.governance.audit.AuditEvent;
import com.atelier.governance.audit.AuditTrail;
import com.atelier.governance.digest.Sha256;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.provenance.ContentCredentials;
import com.atelier.governance.provenance.ProvenanceReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import com.atelier.governance.json.Jsonp;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Compliance's question about any file, even one that comes back from outside: do its Content Credentials hold,
 * and if it is one of ours, which asset is it and what happened to it. Each check is audited.
 */
@ApplicationScoped
public class ProvenanceCheck {

    public static final int MAX_BYTES = 64 * 1024 * 1024;

    private ContentCredentials credentials;
    private EntityManager entityManager;
    private AuditTrail auditTrail;

    protected ProvenanceCheck() {
        // for CDI proxies
    }

    @Inject
    public ProvenanceCheck(ContentCredentials credentials, EntityManager entityManager, AuditTrail auditTrail) {
        this.credentials = credentials;
        this.entityManager = entityManager;
        this.auditTrail = auditTrail;
    }

    /** The verdict, and the asset the file is (same bytes) or claims to come from (job and model in the manifest). */
    public record Finding(ProvenanceReport report, Optional<Asset> asset, boolean exactCopy, List<AuditEntry> history) {
    }

    @Transactional
    public Finding verify(Actor actor, byte[] file) {
        actor.require(Permission.VERIFY_PROVENANCE, "verify provenance");
        if (file == null || file.length == 0) {
            throw new InvalidInputException("file", "Send the PNG or JPEG file as the request body.");
        }
        if (file.length > MAX_BYTES) {
            throw new InvalidInputException("file", "The file is larger than " + MAX_BYTES / (1024 * 1024) + " MiB.");
        }
        ProvenanceReport report = credentials.verify(file);
        String sha256 = Sha256.hex(file);
        Optional<Asset> exact = entityManager.createQuery("SELECT a FROM Asset a WHERE a.contentHash = :hash",
                        Asset.class).setParameter("hash", sha256).setMaxResults(1).getResultStream().findFirst();
        Optional<Asset> claimed = exact.isPresent() ? exact : claimedAsset(report);
        List<AuditEntry> history = claimed.map(a -> auditTrail.entriesAbout("asset", a.id().toString(), 100))
                .orElse(List.of());
        auditTrail.append(new AuditEvent(actor, "provenance.verified", "file", sha256, Optional.empty(),
                Jsonp.createObjectBuilder().add("verdict", report.verdict().name())
                        .add("asset", claimed.map(a -> a.id().toString()).orElse(""))
                        .add("exactCopy", exact.isPresent()).build().toString()));
        return new Finding(report, claimed, exact.isPresent(), history);
    }

    private Optional<Asset> claimedAsset(ProvenanceReport report) {
        Object job = report.generation().get("jobId");
        Object model = report.generation().get("model");
        if (job == null || model == null) {
            return Optional.empty();
        }
        try {
            return entityManager.createQuery("SELECT a FROM Asset a WHERE a.jobId = :job AND a.model = :model"
                            + " ORDER BY a.position", Asset.class)
                    .setParameter("job", UUID.fromString(job.toString()))
                    .setParameter("model", model.toString())
                    .setMaxResults(1).getResultStream().findFirst();
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}
