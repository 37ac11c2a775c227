package com.atelier.governance.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.List;
import java.util.UUID;

/** Records every attempt to deliver a job's webhook, so a caller and an operator can see what was tried when. */
@ApplicationScoped
public class WebhookDeliveries {

    private EntityManager entityManager;
    private Clock clock;

    protected WebhookDeliveries() {
        // for CDI proxies
    }

    @Inject
    public WebhookDeliveries(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The attempts made for a job, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookDelivery> attempts(UUID jobId) {
        return entityManager.createQuery("SELECT d FROM WebhookDelivery d WHERE d.jobId = :job ORDER BY d.attempt",
                        WebhookDelivery.class)
                .setParameter("job", jobId)
                .getResultList();
    }

    /** Records an attempt in its own transaction and returns its number (1 for the first). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int record(UUID jobId, String url, OptionalInt statusCode, Optional<String> error, Duration took) {
        int attempt = entityManager.createQuery("SELECT count(d) FROM WebhookDelivery d WHERE d.jobId = :job",
                        Long.class)
                .setParameter("job", jobId).getSingleResult().intValue() + 1;
        entityManager.persist(new WebhookDelivery(jobId, attempt, clock.instant(), url,
                statusCode.isPresent() ? statusCode.getAsInt() : null,
                error.map(e -> e.length() > 1000 ? e.substring(0, 997) + "..." : e).orElse(null), took.toMillis()));
        return attempt;
    }
}
