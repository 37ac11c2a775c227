package com.atelier.governance.library.lora;

import com.atelier.governance.failure.GovernanceException;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.failure.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * LoRA adapters in generation: a request's choices pinned to the newest published version of each, and every image
 * made with a version counted. The generation side calls it after it has authorised the request; the usage counts,
 * compatibility table and previews of the catalogue come from what it records.
 */
@ApplicationScoped
public class LoraUsage {

    private EntityManager entityManager;
    private LoraAdapters adapters;
    private Clock clock;

    protected LoraUsage() {
        // for CDI proxies
    }

    @Inject
    public LoraUsage(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.adapters = new LoraAdapters(entityManager);
        this.clock = clock;
    }

    /**
     * Resolves a generation request's LoRA choices to the newest PUBLISHED version of each, for the generation desk
     * to call after it has authorised the request. An adapter of the workspace wins over a shared one of the same
     * name.
     *
     * @throws InvalidInputException on field {@code loras} naming the LoRA and why (unknown, nothing published,
     *                               family does not fit a model, weight outside [-2, 2])
     */
    // a refusal must not doom the caller's transaction: the generation desk still audits the rejected request
    @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = GovernanceException.class)
    public List<ResolvedLora> resolve(String workspaceSlug, List<String> models, List<RequestedLora> choices) {
        return LoraResolution.resolve(models, choices, name -> candidate(workspaceSlug, name));
    }

    private Optional<LoraResolution.Candidate> candidate(String workspaceSlug, String name) {
        return entityManager.createQuery("SELECT a FROM LoraAdapter a WHERE a.name = :name"
                        + " AND (a.workspace.slug = :ws OR a.shared = true)"
                        + " ORDER BY CASE WHEN a.workspace.slug = :ws THEN 0 ELSE 1 END", LoraAdapter.class)
                .setParameter("name", name)
                .setParameter("ws", workspaceSlug)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(a -> new LoraResolution.Candidate(a.id(), a.name(), a.triggerWord(), a.family(),
                        adapters.versionsOf(a).stream().map(v -> new LoraResolution.Version(v.id(), v.version(),
                                v.state(), v.contentHash(), v.sizeBytes(), v.rank())).toList()));
    }

    /**
     * Counts one image (or job) made with a LoRA version on a model; the generation flow calls it when it stores the
     * image. Not audited separately: the asset and its job are the record.
     */
    @Transactional
    public void recordUse(long adapterVersionId, String model, Optional<UUID> jobId, Optional<UUID> assetId) {
        LoraVersion version = entityManager.find(LoraVersion.class, adapterVersionId);
        if (version == null) {
            throw new NotFoundException("No LoRA version " + adapterVersionId + ".");
        }
        entityManager.persist(new LoraUse(version, model, jobId.orElse(null), assetId.orElse(null), now()));
        entityManager.createNativeQuery("UPDATE lora_adapter SET use_count = use_count + 1 WHERE id = ?1")
                .setParameter(1, version.adapter().id())
                .executeUpdate();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
