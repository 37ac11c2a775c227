package com.atelier.governance.library.lora;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Permission;
import com.atelier.governance.audit.AuditTrail;
import com.atelier.governance.digest.Sha256;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.json.Jsonp;
import com.atelier.governance.workspace.Workspace;
import com.atelier.governance.workspace.WorkspaceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What designers say about LoRA adapters: ratings (1 to 5 stars, optionally for one model) and comments, on the
 * workspace's own adapters and the shared ones. Rating and commenting need COMMENT, reading VIEW_WORKSPACE. Every
 * rating and comment is audited.
 */
@ApplicationScoped
public class LoraFeedback {

    private static final Pattern MODEL = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private EntityManager entityManager;
    private LoraAdapters adapters;
    private WorkspaceDirectory directory;
    private AuditTrail auditTrail;
    private Clock clock;

    protected LoraFeedback() {
        // for CDI proxies
    }

    @Inject
    public LoraFeedback(EntityManager entityManager, WorkspaceDirectory directory, AuditTrail auditTrail, Clock clock) {
        this.entityManager = entityManager;
        this.adapters = new LoraAdapters(entityManager);
        this.directory = directory;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /**
     * Sets the caller's rating (1 to 5 stars), replacing an earlier one.
     *
     * @param model the model it was judged on, which must be of the adapter's family; empty for a general rating
     */
    @Transactional
    public LoraAdapter rate(Actor actor, String workspaceSlug, long adapterId, int stars, Optional<String> model) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.COMMENT);
        if (stars < 1 || stars > 5) {
            throw new InvalidInputException("stars", "A rating is 1 to 5 stars (was " + stars + ").");
        }
        LoraAdapter adapter = adapters.visible(workspace, adapterId);
        entityManager.lock(adapter, LockModeType.PESSIMISTIC_WRITE);
        if (model.isPresent()) {
            if (!MODEL.matcher(model.get()).matches() || BaseFamily.ofModel(model.get()).isEmpty()) {
                throw new InvalidInputException("model", "'" + model.get() + "' is not a model LoRAs exist for.");
            }
            if (BaseFamily.ofModel(model.get()).get() != adapter.family()) {
                throw new InvalidInputException("model", "LoRA '" + adapter.name() + "' is for "
                        + adapter.family().code() + " models; '" + model.get() + "' is not one.");
            }
        }
        LoraRating rating = entityManager.find(LoraRating.class, new LoraRating.Key(adapter.id(), actor.userId()));
        Integer before = rating == null ? null : rating.stars();
        if (rating == null) {
            rating = new LoraRating(adapter.id(), actor.userId());
            rating.rate(stars, model.orElse(null), now());
            entityManager.persist(rating);
        } else {
            rating.rate(stars, model.orElse(null), now());
        }
        entityManager.flush();
        Object[] totals = entityManager.createQuery("SELECT count(r), avg(r.stars) FROM LoraRating r"
                        + " WHERE r.adapterId = :id", Object[].class)
                .setParameter("id", adapter.id())
                .getSingleResult();
        adapter.ratings(((Long) totals[0]).intValue(), totals[1] == null ? 0f : ((Double) totals[1]).floatValue());
        JsonObjectBuilder summary = Jsonp.createObjectBuilder().add("after", stars);
        if (before != null) {
            summary.add("before", before);
        }
        model.ifPresent(m -> summary.add("model", m));
        audit(actor, workspace.slug(), "lora.rated", adapter, summary);
        return adapter;
    }

    @Transactional
    public LoraComment comment(Actor actor, String workspaceSlug, long adapterId, String body) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.COMMENT);
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "A comment must not be empty.");
        }
        if (body.length() > 4000) {
            throw new InvalidInputException("body", "A comment is at most 4000 characters.");
        }
        LoraAdapter adapter = adapters.visible(workspace, adapterId);
        LoraComment comment = new LoraComment(adapter, actor.userId(), body.strip(), now());
        entityManager.persist(comment);
        audit(actor, workspace.slug(), "lora.commented", adapter, Jsonp.createObjectBuilder()
                .add("bodySha256", Sha256.hex(comment.body())));
        return comment;
    }

    /** Comments, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LoraComment> comments(Actor actor, String workspaceSlug, long adapterId) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.VIEW_WORKSPACE);
        LoraAdapter adapter = adapters.visible(workspace, adapterId);
        return entityManager.createQuery("SELECT c FROM LoraComment c WHERE c.adapter = :a"
                        + " ORDER BY c.createdAt, c.id", LoraComment.class)
                .setParameter("a", adapter)
                .getResultList();
    }

    private void audit(Actor actor, String workspaceSlug, String action, LoraAdapter adapter,
                       JsonObjectBuilder summary) {
        auditTrail.append(LoraAdapters.changed(actor, workspaceSlug, action, adapter, summary));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
