package com.atelier.governance.generation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

/** Finished jobs as the webhook sender reads them: only those whose requester asked to be told. */
@ApplicationScoped
public class FinishedJobs {

    private EntityManager entityManager;

    protected FinishedJobs() {
        // for CDI proxies
    }

    @Inject
    public FinishedJobs(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A finished job that wants a notice, with its webhook; empty when it has none or is not finished. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<GenerationJob> withWebhook(UUID jobId) {
        return Optional.ofNullable(entityManager.find(GenerationJob.class, jobId))
                .filter(job -> job.state().isFinal() && job.webhook().isPresent());
    }
}
