package com.atelier.governance.review;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Permission;
import com.atelier.governance.asset.Asset;
import com.atelier.governance.asset.AssetCatalog;
import com.atelier.governance.asset.AssetState;
import com.atelier.governance.audit.AuditEvent;
import com.atelier.governance.audit.AuditTrail;
import com.atelier.governance.failure.AccessDeniedException;
import com.atelier.governance.failure.ConflictException;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.failure.NotFoundException;
import com.atelier.governance.inbox.Inbox;
import com.atelier.governance.inbox.Notice;
import com.atelier.governance.inbox.NoticeKind;
import com.atelier.governance.workspace.ReviewSettings;
import com.atelier.governance.workspace.Workspace;
import com.atelier.governance.workspace.WorkspaceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import com.atelier.governance.json.Jsonp;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The approval workflow: designers submit assets to chosen reviewers, art directors and brand managers approve,
 * reject or ask for changes. Each transition locks the asset row, checks its state, is audited and notifies the
 * people concerned, all in one transaction: a refused transition changes nothing.
 */
@ApplicationScoped
public class ReviewDesk {

    public static final int MAX_COMMENT = 4000;

    private EntityManager entityManager;
    private WorkspaceDirectory directory;
    private AssetCatalog catalog;
    private AuditTrail auditTrail;
    private Inbox inbox;
    private Clock clock;

    protected ReviewDesk() {
        // for CDI proxies
    }

    @Inject
    public ReviewDesk(EntityManager entityManager, WorkspaceDirectory directory, AssetCatalog catalog,
                      AuditTrail auditTrail, Inbox inbox,
                      Clock clock) {
        this.entityManager = entityManager;
        this.directory = directory;
        this.catalog = catalog;
        this.auditTrail = auditTrail;
        this.inbox = inbox;
        this.clock = clock;
    }

    /** The outcome of one decision: where the asset now stands and how many approvals its round has. */
    public record Outcome(UUID asset, AssetState state, long approvals, int requiredApprovals) {
    }

    @Transactional
    public ReviewRequest submit(Actor actor, String workspaceSlug, NewReviewRequest spec) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.SUBMIT_FOR_REVIEW);
        ReviewSettings settings = workspace.reviewSettings();
        for (String reviewer : spec.reviewers()) {
            if (!directory.memberMay(workspace, reviewer, Permission.APPROVE)) {
                throw new InvalidInputException("reviewers", "'" + reviewer + "' is not an art director or brand"
                        + " manager of workspace '" + workspaceSlug + "'.");
            }
            if (!settings.selfApprovalAllowed() && reviewer.equals(actor.userId())) {
                throw new InvalidInputException("reviewers", "Workspace '" + workspaceSlug + "' does not allow"
                        + " self-approval: choose reviewers other than yourself.");
            }
        }
        if (spec.dueOn().map(due -> due.isBefore(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))).orElse(false)) {
            throw new InvalidInputException("dueOn", "The due date " + spec.dueOn().get() + " is in the past.");
        }
        List<Asset> assets = new ArrayList<>();
        for (UUID id : spec.assets()) {
            Asset asset = catalog.inWorkspace(workspace, id, LockModeType.PESSIMISTIC_WRITE);
            requireSubmittable(asset);
            assets.add(asset);
        }
        ReviewRequest review = new ReviewRequest(workspace, spec, actor.userId(), now());
        entityManager.persist(review);
        var ids = Jsonp.createArrayBuilder();
        for (Asset asset : assets) {
            enter(actor, asset, review, "asset.submitted");
            ids.add(asset.id().toString());
        }
        auditTrail.append(AuditEvent.inWorkspace(actor, workspaceSlug, "review.requested", "review",
                review.id().toString(), Jsonp.createObjectBuilder().add("title", review.title())
                        .add("reviewers", Jsonp.createArrayBuilder(review.reviewers())).add("assets", ids)
                        .build().toString()));
        inbox.tell(review.reviewers(), actor.userId(), workspace, new Notice(NoticeKind.REVIEW_REQUESTED, "review",
                review.id().toString(), actor.userId() + " asks you to review " + assets.size()
                + (assets.size() == 1 ? " asset" : " assets") + ": " + review.title()));
        return review;
    }

    /** Puts an asset whose changes were requested back in front of the reviewers of its review request. */
    @Transactional
    public Outcome resubmit(Actor actor, String workspaceSlug, UUID assetId) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.SUBMIT_FOR_REVIEW);
        Asset asset = catalog.inWorkspace(workspace, assetId, LockModeType.PESSIMISTIC_WRITE);
        if (asset.state() != AssetState.CHANGES_REQUESTED || asset.reviewId().isEmpty()) {
            throw new ConflictException("Asset " + assetId + " is " + asset.state() + "; only an asset whose changes"
                    + " were requested can be resubmitted.");
        }
        ReviewRequest review = entityManager.find(ReviewRequest.class, asset.reviewId().get());
        enter(actor, asset, review, "asset.resubmitted");
        inbox.tell(review.reviewers(), actor.userId(), workspace, new Notice(NoticeKind.REVIEW_REQUESTED, "asset",
                assetId.toString(), actor.userId() + " resubmitted an asset of '" + review.title() + "'"));
        return new Outcome(assetId, asset.state(), 0, workspace.reviewSettings().requiredApprovals());
    }

    @Transactional
    public Outcome decide(Actor actor, String workspaceSlug, UUID assetId, Verdict verdict, String comment) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.APPROVE);
        return decideIn(actor, workspace, assetId, verdict, comment);
    }

    /** One verdict with one comment for many assets: all of them are decided, or none is. */
    @Transactional
    public List<Outcome> decideAll(Actor actor, String workspaceSlug, List<UUID> assetIds, Verdict verdict,
                                   String comment) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.APPROVE);
        if (assetIds == null || assetIds.isEmpty() || assetIds.size() > NewReviewRequest.MAX_ASSETS) {
            throw new InvalidInputException("assets", "Decide on 1 to " + NewReviewRequest.MAX_ASSETS
                    + " assets at once.");
        }
        return assetIds.stream().distinct().map(id -> decideIn(actor, workspace, id, verdict, comment)).toList();
    }

    @Transactional
    public Outcome archive(Actor actor, String workspaceSlug, UUID assetId) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.APPROVE);
        Asset asset = catalog.inWorkspace(workspace, assetId, LockModeType.PESSIMISTIC_WRITE);
        if (asset.state() != AssetState.APPROVED) {
            throw new ConflictException("Asset " + assetId + " is " + asset.state() + "; only APPROVED assets can"
                    + " be archived.");
        }
        asset.moveTo(AssetState.ARCHIVED);
        audit(actor, asset, "asset.archived", AssetState.APPROVED, Jsonp.createObjectBuilder());
        return new Outcome(assetId, asset.state(), 0, workspace.reviewSettings().requiredApprovals());
    }

    /** The assets waiting for a decision in a workspace, oldest submission first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Asset> queue(Actor actor, String workspaceSlug) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.VIEW_WORKSPACE);
        return entityManager.createQuery("SELECT a FROM Asset a, ReviewRequest r WHERE a.workspace = :ws"
                        + " AND a.state = :state AND r.id = a.reviewId ORDER BY r.createdAt, a.model, a.position",
                        Asset.class)
                .setParameter("ws", workspace)
                .setParameter("state", AssetState.IN_REVIEW)
                .setMaxResults(500)
                .getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReviewRequest review(Actor actor, String workspaceSlug, UUID reviewId) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.VIEW_WORKSPACE);
        ReviewRequest review = entityManager.find(ReviewRequest.class, reviewId);
        if (review == null || !review.workspace().id().equals(workspace.id())) {
            throw new NotFoundException("No review request " + reviewId + " in workspace '" + workspaceSlug + "'.");
        }
        return review;
    }

    /** Every decision ever made on an asset, oldest first: part of its lineage. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReviewDecision> decisions(UUID assetId) {
        return entityManager.createQuery("SELECT d FROM ReviewDecision d WHERE d.assetId = :asset"
                        + " ORDER BY d.decidedAt, d.id", ReviewDecision.class)
                .setParameter("asset", assetId)
                .getResultList();
    }

    private Outcome decideIn(Actor actor, Workspace workspace, UUID assetId, Verdict verdict, String comment) {
        if (verdict == null) {
            throw new InvalidInputException("verdict", "verdict is one of " + List.of(Verdict.values()) + ".");
        }
        String text = comment == null ? "" : comment.strip();
        if (verdict.requiresComment() && text.isEmpty()) {
            throw new InvalidInputException("comment", "Say why: a comment is required to " + verdict + ".");
        }
        if (text.length() > MAX_COMMENT) {
            throw new InvalidInputException("comment", "A comment is at most " + MAX_COMMENT + " characters.");
        }
        Asset asset = catalog.inWorkspace(workspace, assetId, LockModeType.PESSIMISTIC_WRITE);
        if (asset.state() != AssetState.IN_REVIEW) {
            throw new ConflictException("Asset " + assetId + " is " + asset.state() + "; only assets IN_REVIEW can"
                    + " be approved, rejected or sent back for changes.");
        }
        ReviewRequest review = entityManager.find(ReviewRequest.class, asset.reviewId().orElseThrow());
        ReviewSettings settings = workspace.reviewSettings();
        if (verdict == Verdict.APPROVE && !settings.selfApprovalAllowed()
                && ReviewRules.isSelfReview(actor.userId(), asset.requester(), review.requestedBy())) {
            throw new AccessDeniedException("Workspace '" + workspace.slug() + "' does not allow self-approval: you"
                    + " generated or submitted asset " + assetId + ".");
        }
        List<ReviewDecision> earlier = decisionsOfRound(asset);
        if (earlier.stream().anyMatch(d -> d.reviewer().equals(actor.userId()))) {
            throw new ConflictException("You already decided on asset " + assetId + " in this review round.");
        }
        long approvals = earlier.stream().filter(d -> d.verdict() == Verdict.APPROVE).count()
                + (verdict == Verdict.APPROVE ? 1 : 0);
        entityManager.persist(new ReviewDecision(assetId, review.id(), asset.reviewRound(), actor.userId(), verdict,
                text, now()));
        AssetState next = ReviewRules.after(verdict, (int) approvals, settings);
        asset.moveTo(next);
        String action = switch (next) {
            case APPROVED -> "asset.approved";
            case REJECTED -> "asset.rejected";
            case CHANGES_REQUESTED -> "asset.changes-requested";
            default -> "asset.approval-recorded";
        };
        audit(actor, asset, action, AssetState.IN_REVIEW, Jsonp.createObjectBuilder()
                .add("verdict", verdict.name()).add("comment", text).add("round", asset.reviewRound())
                .add("approvals", approvals).add("requiredApprovals", settings.requiredApprovals()));
        inbox.tell(List.of(asset.requester(), review.requestedBy()), actor.userId(), workspace,
                new Notice(NoticeKind.DECISION_MADE, "asset", assetId.toString(), actor.userId() + " "
                        + describe(verdict, next) + " an asset of '" + review.title() + "'"
                        + (text.isEmpty() ? "" : ": " + text)));
        return new Outcome(assetId, next, approvals, settings.requiredApprovals());
    }

    private List<ReviewDecision> decisionsOfRound(Asset asset) {
        return entityManager.createQuery("SELECT d FROM ReviewDecision d WHERE d.assetId = :asset AND d.round = :round",
                        ReviewDecision.class)
                .setParameter("asset", asset.id())
                .setParameter("round", asset.reviewRound())
                .getResultList();
    }

    private static String describe(Verdict verdict, AssetState next) {
        return switch (verdict) {
            case APPROVE -> next == AssetState.APPROVED ? "approved" : "added an approval to";
            case REJECT -> "rejected";
            case REQUEST_CHANGES -> "requested changes to";
        };
    }

    private void enter(Actor actor, Asset asset, ReviewRequest review, String action) {
        AssetState before = asset.state();
        asset.enterReview(review.id());
        audit(actor, asset, action, before, Jsonp.createObjectBuilder().add("review", review.id().toString())
                .add("round", asset.reviewRound()));
    }

    private void requireSubmittable(Asset asset) {
        if (asset.state() == AssetState.BLOCKED) {
            throw new ConflictException("Asset " + asset.id() + " is BLOCKED and can never be submitted for review: "
                    + asset.blockedReason().orElse("it failed a brand-safety check") + ".");
        }
        if (!asset.state().canBeSubmitted()) {
            throw new ConflictException("Asset " + asset.id() + " is " + asset.state() + "; only GENERATED assets, or"
                    + " assets whose changes were requested, can be submitted for review.");
        }
    }

    private void audit(Actor actor, Asset asset, String action, AssetState before,
                       jakarta.json.JsonObjectBuilder details) {
        auditTrail.append(AuditEvent.inWorkspace(actor, asset.workspace().slug(), action, "asset",
                asset.id().toString(), details.add("before", before.name()).add("after", asset.state().name())
                        .build().toString()));
    }


    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
