package com.atelier.web.api;

import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.review.NewReviewRequest;
import com.atelier.governance.review.ReviewDecision;
import com.atelier.governance.review.ReviewDesk;
import com.atelier.governance.review.ReviewRequest;
import com.atelier.governance.review.Verdict;
import com.atelier.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * /api/v1/workspaces/{ws}/reviews: the approval workflow: review requests, the queue of assets waiting for a
 * decision, decisions (one asset or many with one comment) and resubmission after changes were requested.
 */
@Path("/workspaces/{ws}/reviews")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewResource {

    private Caller caller;
    private ReviewDesk desk;

    public ReviewResource() {
        // for CDI proxies
    }

    @Inject
    public ReviewResource(Caller caller, ReviewDesk desk) {
        this.caller = caller;
        this.desk = desk;
    }

    public record SubmitBody(String title, LocalDate dueOn, List<String> reviewers, List<UUID> assets) {
    }

    public record DecisionBody(Verdict verdict, String comment) {
    }

    public record BulkDecisionBody(List<UUID> assets, Verdict verdict, String comment) {
    }

    public record ReviewView(String id, String workspace, String title, LocalDate dueOn, String requestedBy,
                             Instant createdAt, Set<String> reviewers) {
        static ReviewView of(ReviewRequest r) {
            return new ReviewView(r.id().toString(), r.workspace().slug(), r.title(), r.dueOn().orElse(null),
                    r.requestedBy(), r.createdAt(), r.reviewers());
        }
    }

    public record DecisionView(String reviewer, String verdict, String comment, int round, Instant decidedAt) {
        static DecisionView of(ReviewDecision d) {
            return new DecisionView(d.reviewer(), d.verdict().name(), d.comment(), d.round(), d.decidedAt());
        }
    }

    public record QueueItem(AssetView asset, ReviewView review) {
    }

    @POST
    public Response submit(@PathParam("ws") String workspace, SubmitBody body, @Context UriInfo uri) {
        if (body == null) {
            throw new InvalidInputException("title", "Send {\"title\", \"reviewers\": [...], \"assets\": [...],"
                    + " \"dueOn\"?}.");
        }
        ReviewRequest review = desk.submit(caller.actor(), workspace, new NewReviewRequest(body.title(),
                Optional.ofNullable(body.dueOn()), body.reviewers(), body.assets()));
        return Response.created(uri.getAbsolutePathBuilder().path(review.id().toString()).build())
                .entity(ReviewView.of(review)).build();
    }

    @GET
    @Path("/{id}")
    public ReviewView review(@PathParam("ws") String workspace, @PathParam("id") UUID id) {
        return ReviewView.of(desk.review(caller.actor(), workspace, id));
    }

    /** The assets waiting for a decision, oldest request first. */
    @GET
    @Path("/queue")
    public List<QueueItem> queue(@PathParam("ws") String workspace, @Context UriInfo uri) {
        var actor = caller.actor();
        // a review request holds many assets: read each request once, not once per asset
        java.util.Map<UUID, ReviewView> reviews = new java.util.HashMap<>();
        return desk.queue(actor, workspace).stream()
                .map(a -> new QueueItem(AssetView.of(a, uri.getBaseUri()), reviews.computeIfAbsent(
                        a.reviewId().orElseThrow(), id -> ReviewView.of(desk.review(actor, workspace, id)))))
                .toList();
    }

    @POST
    @Path("/decisions")
    public List<ReviewDesk.Outcome> decideAll(@PathParam("ws") String workspace, BulkDecisionBody body) {
        if (body == null) {
            throw new InvalidInputException("assets", "Send {\"assets\": [...], \"verdict\", \"comment\"}.");
        }
        return desk.decideAll(caller.actor(), workspace, body.assets(), body.verdict(), body.comment());
    }

    @POST
    @Path("/decisions/{asset}")
    public ReviewDesk.Outcome decide(@PathParam("ws") String workspace, @PathParam("asset") UUID id,
                                     DecisionBody body) {
        if (body == null) {
            throw new InvalidInputException("verdict", "Send {\"verdict\": \"APPROVE\" | \"REJECT\" |"
                    + " \"REQUEST_CHANGES\", \"comment\"}.");
        }
        return desk.decide(caller.actor(), workspace, id, body.verdict(), body.comment());
    }

    @POST
    @Path("/resubmissions/{asset}")
    public ReviewDesk.Outcome resubmit(@PathParam("ws") String workspace, @PathParam("asset") UUID id) {
        return desk.resubmit(caller.actor(), workspace, id);
    }
}
