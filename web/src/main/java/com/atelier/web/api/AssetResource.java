package com.atelier.web.api;

import com.atelier.governance.asset.AssetCatalog;
import com.atelier.governance.asset.AssetDerivatives;
import com.atelier.governance.asset.AssetExport;
import com.atelier.governance.asset.AssetPage;
import com.atelier.governance.asset.AssetPreview;
import com.atelier.governance.asset.AssetQuery;
import com.atelier.governance.asset.AssetState;
import com.atelier.governance.audit.AuditTrail;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.review.AssetComment;
import com.atelier.governance.review.AssetComments;
import com.atelier.governance.review.Region;
import com.atelier.governance.review.ReviewDesk;
import com.atelier.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** /api/v1/workspaces/{ws}/assets: the gallery with filters and paging, one asset, its bytes and its tags. */
@Path("/workspaces/{ws}/assets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AssetResource {

    private Caller caller;
    private AssetCatalog catalog;
    private ReviewDesk desk;
    private AssetComments comments;
    private AuditTrail auditTrail;
    private AssetExport export;
    private AssetDerivatives derivatives;

    public AssetResource() {
        // for CDI proxies
    }

    @Inject
    public AssetResource(Caller caller, AssetCatalog catalog, ReviewDesk desk, AssetComments comments,
                         AuditTrail auditTrail, AssetExport export, AssetDerivatives derivatives) {
        this.export = export;
        this.derivatives = derivatives;
        this.caller = caller;
        this.catalog = catalog;
        this.desk = desk;
        this.comments = comments;
        this.auditTrail = auditTrail;
    }

    public record Page(List<AssetView> items, int page, int size, long total) {
    }

    public record CommentBody(String text, Region region) {
    }

    public record CommentView(String id, String author, String text, Region region, Set<String> mentions,
                              Instant createdAt) {
        static CommentView of(AssetComment c) {
            return new CommentView(c.id().toString(), c.author(), c.body(), c.region().orElse(null), c.mentions(),
                    c.createdAt());
        }
    }

    public record AuditLine(long sequence, Instant occurredAt, String actor, String action, String summary) {
    }

    /** Everything known about how an asset came to be and what happened to it since. */
    public record Lineage(AssetView asset, String prompt, String loras, String parameters, ReviewResource.ReviewView review,
                          List<ReviewResource.DecisionView> decisions, List<CommentView> comments, List<AuditLine> history) {
    }


    @GET
    public Page list(@PathParam("ws") String workspace, @QueryParam("model") String model,
                     @QueryParam("requester") String requester, @QueryParam("state") String state,
                     @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("tag") String tag,
                     @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size,
                     @Context UriInfo uri) {
        AssetQuery query = new AssetQuery(Optional.ofNullable(model), Optional.ofNullable(requester),
                Optional.ofNullable(state).map(AssetResource::state), instant("from", from), instant("to", to),
                Optional.ofNullable(tag), page, size);
        AssetPage found = catalog.find(caller.actor(), workspace, query);
        return new Page(found.items().stream().map(a -> AssetView.of(a, uri.getBaseUri())).toList(), found.page(),
                found.size(), found.total());
    }

    @GET
    @Path("/{id}")
    public AssetView asset(@PathParam("ws") String workspace, @PathParam("id") UUID id, @Context UriInfo uri) {
        return AssetView.of(catalog.asset(caller.actor(), workspace, id), uri.getBaseUri());
    }

    /** The full-resolution file: 409 unless the asset is APPROVED. */
    @GET
    @Path("/{id}/content")
    @Produces({"image/png", "application/problem+json"})
    public Response content(@PathParam("ws") String workspace, @PathParam("id") UUID id) {
        var asset = catalog.release(caller.actor(), workspace, id, false);
        return image(catalog.content(asset), asset.mediaType(), asset.contentHash(), null);
    }

    /**
     * The approved file as a download, {@code format=png} (the signed original) or {@code format=jpeg} (transcoded,
     * with Content Credentials naming the PNG as parent); every export is audited.
     */
    @GET
    @Path("/{id}/export")
    @Produces({"image/png", "image/jpeg", "application/problem+json"})
    public Response export(@PathParam("ws") String workspace, @PathParam("id") UUID id,
                           @QueryParam("format") @DefaultValue("png") String format) {
        String mediaType = AssetExport.mediaType(format);
        var asset = catalog.release(caller.actor(), workspace, id, true);
        byte[] png = catalog.content(asset);
        boolean jpeg = mediaType.equals("image/jpeg");
        return image(jpeg ? export.jpeg(asset, png) : png, mediaType, asset.contentHash() + (jpeg ? "-jpeg" : ""),
                "attachment; filename=\"" + workspace + "-" + asset.id() + (jpeg ? ".jpg" : ".png") + "\"");
    }

    /** {@code operation}: {@code upscale} or {@code colour-preset} (with {@code preset}: warm, cool, monochrome, high-contrast). */
    public record DerivativeBody(String operation, String preset) {
    }

    /** Upscales or colour-corrects an APPROVED asset into a new asset (which needs its own approval). */
    @POST
    @Path("/{id}/derivatives")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response derive(@PathParam("ws") String workspace, @PathParam("id") UUID id, DerivativeBody body,
                           @Context UriInfo uri) {
        if (body == null) {
            throw new InvalidInputException("operation", "Send {\"operation\": \"upscale\"} or {\"operation\":"
                    + " \"colour-preset\", \"preset\": \"warm\"}.");
        }
        var derived = derivatives.derive(caller.actor(), workspace, id, AssetDerivatives.Operation.named(body.operation()),
                Optional.ofNullable(body.preset()));
        return Response.created(uri.getBaseUriBuilder().path("workspaces").path(workspace).path("assets")
                .path(derived.id().toString()).build()).entity(AssetView.of(derived, uri.getBaseUri())).build();
    }

    @GET
    @Path("/{id}/preview")
    @Produces({"image/png", "application/problem+json"})
    public Response preview(@PathParam("ws") String workspace, @PathParam("id") UUID id) {
        var asset = catalog.asset(caller.actor(), workspace, id);
        return image(AssetPreview.of(catalog.content(asset)), "image/png", asset.contentHash() + "-preview", null);
    }

    @POST
    @Path("/{id}/archive")
    public ReviewDesk.Outcome archive(@PathParam("ws") String workspace, @PathParam("id") UUID id) {
        return desk.archive(caller.actor(), workspace, id);
    }

    @GET
    @Path("/{id}/comments")
    public List<CommentView> comments(@PathParam("ws") String workspace, @PathParam("id") UUID id) {
        return comments.of(caller.actor(), workspace, id).stream().map(CommentView::of).toList();
    }

    @POST
    @Path("/{id}/comments")
    public Response comment(@PathParam("ws") String workspace, @PathParam("id") UUID id, CommentBody body) {
        if (body == null) {
            throw new InvalidInputException("text", "Send {\"text\", \"region\"?: {\"x\", \"y\", \"width\","
                    + " \"height\"}}.");
        }
        AssetComment comment = comments.comment(caller.actor(), workspace, id, body.text(),
                Optional.ofNullable(body.region()));
        return Response.status(Response.Status.CREATED).entity(CommentView.of(comment)).build();
    }

    @GET
    @Path("/{id}/lineage")
    public Lineage lineage(@PathParam("ws") String workspace, @PathParam("id") UUID id, @Context UriInfo uri) {
        var actor = caller.actor();
        var asset = catalog.asset(actor, workspace, id);
        ReviewResource.ReviewView review = asset.reviewId().map(r -> ReviewResource.ReviewView.of(desk.review(actor, workspace, r))).orElse(null);
        List<AuditLine> history = auditTrail.entriesAbout("asset", id.toString(), 200).stream()
                .map(e -> new AuditLine(e.sequence(), e.occurredAt(), e.actor(), e.action(), e.summary()))
                .toList();
        return new Lineage(AssetView.of(asset, uri.getBaseUri()), asset.prompt(), asset.loras(), asset.parameters(),
                review, desk.decisions(id).stream().map(ReviewResource.DecisionView::of).toList(),
                comments.of(actor, workspace, id).stream().map(CommentView::of).toList(), history);
    }

    private static Response image(byte[] bytes, String mediaType, String etag, String disposition) {
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setMaxAge(3600);
        var response = Response.ok(bytes, mediaType).tag(new EntityTag(etag)).cacheControl(cache);
        if (disposition != null) {
            response.header("Content-Disposition", disposition);
        }
        return response.build();
    }

    @PUT
    @Path("/{id}/tags/{tag}")
    public AssetView tag(@PathParam("ws") String workspace, @PathParam("id") UUID id, @PathParam("tag") String tag,
                         @Context UriInfo uri) {
        return AssetView.of(catalog.tag(caller.actor(), workspace, id, tag), uri.getBaseUri());
    }

    private static AssetState state(String name) {
        try {
            return AssetState.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "state is one of " + List.of(AssetState.values()) + ".");
        }
    }

    private static Optional<Instant> instant(String field, String value) {
        try {
            return Optional.ofNullable(value).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " is an ISO-8601 instant, e.g. 2026-11-24T00:00:00Z.");
        }
    }
}
