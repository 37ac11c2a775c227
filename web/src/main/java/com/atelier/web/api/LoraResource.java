package com.atelier.web.api;

import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.library.lora.BaseFamily;
import com.atelier.governance.library.lora.LoraCatalog;
import com.atelier.governance.library.lora.LoraFeedback;
import com.atelier.governance.library.lora.LoraLifecycle;
import com.atelier.governance.library.lora.LoraPage;
import com.atelier.governance.library.lora.LoraQuery;
import com.atelier.governance.library.lora.LoraState;
import com.atelier.governance.library.lora.NewLoraAdapter;
import com.atelier.governance.library.lora.TrainingProvenance;
import com.atelier.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * /api/v1/workspaces/{ws}/loras: the governed LoRA library. A version is uploaded as the raw .safetensors bytes
 * ({@code application/octet-stream}), at most {@code atelier.lora.max-bytes} (default 512 MiB; larger is 413), and
 * is inspected before it is stored.
 */
@Path("/workspaces/{ws}/loras")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LoraResource {

    static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;

    private Caller caller;
    private LoraCatalog catalog;
    private LoraLifecycle lifecycle;
    private LoraFeedback feedback;
    private long maxBytes;

    public LoraResource() {
        // for CDI proxies
    }

    @Inject
    public LoraResource(Caller caller, LoraCatalog catalog, LoraLifecycle lifecycle, LoraFeedback feedback,
                        @ConfigProperty(name = "atelier.lora.max-bytes", defaultValue = "536870912") long maxBytes) {
        this.caller = caller;
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.feedback = feedback;
        this.maxBytes = maxBytes;
    }

    public record Page(List<LoraView> items, int page, int size, long total) {
    }

    public record NewAdapter(String name, String triggerWord, String family, String description) {
    }

    public record Rating(Integer stars, String model) {
    }

    public record Sharing(Boolean shared) {
    }

    public record NewComment(String body) {
    }

    public record CommentView(long id, String author, String body, Instant createdAt) {
    }

    @GET
    public Page list(@PathParam("ws") String workspace, @QueryParam("family") String family,
                     @QueryParam("state") String state, @QueryParam("sort") @DefaultValue("rating") String sort,
                     @QueryParam("page") @DefaultValue("0") int page,
                     @QueryParam("size") @DefaultValue("20") int size) {
        LoraQuery query = new LoraQuery(Optional.ofNullable(family).map(f -> BaseFamily.parse("family", f)),
                Optional.ofNullable(state).map(LoraResource::state), LoraQuery.Order.of(sort), page, size);
        LoraPage found = catalog.find(caller.actor(), workspace, query);
        return new Page(found.items().stream().map(LoraView::of).toList(), found.page(), found.size(), found.total());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("ws") String workspace, NewAdapter body, @Context UriInfo uri) {
        if (body == null) {
            throw new InvalidInputException("body", "Send a JSON object with 'name', 'triggerWord' and 'family'.");
        }
        var adapter = lifecycle.create(caller.actor(), workspace, new NewLoraAdapter(body.name(), body.triggerWord(),
                body.family() == null ? null : BaseFamily.parse("family", body.family()), body.description()));
        return Response.created(uri.getAbsolutePathBuilder().path(adapter.id().toString()).build())
                .entity(LoraView.of(adapter)).build();
    }

    @GET
    @Path("/{id}")
    public LoraView adapter(@PathParam("ws") String workspace, @PathParam("id") long id, @Context UriInfo uri) {
        return LoraView.of(catalog.details(caller.actor(), workspace, id), workspace, uri.getBaseUri());
    }

    @POST
    @Path("/{id}/versions")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Response upload(@PathParam("ws") String workspace, @PathParam("id") long id,
                           @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
                           @QueryParam("datasetSize") Integer datasetSize, @QueryParam("steps") Integer steps,
                           @QueryParam("trainedBy") String trainedBy, InputStream body, @Context UriInfo uri) {
        if (contentLength != null && contentLength > maxBytes) {
            throw tooLarge();
        }
        byte[] file = readAtMost(body, maxBytes);
        var version = lifecycle.upload(caller.actor(), workspace, id, file, new TrainingProvenance(
                Optional.ofNullable(datasetSize), Optional.ofNullable(steps), Optional.ofNullable(trainedBy),
                Optional.empty()));
        return Response.created(uri.getAbsolutePathBuilder().path(Integer.toString(version.version())).build())
                .entity(LoraView.Version.of(version, 0L)).build();
    }

    @GET
    @Path("/{id}/versions/{n}")
    public LoraView.Version version(@PathParam("ws") String workspace, @PathParam("id") long id,
                                    @PathParam("n") int n) {
        return LoraView.Version.of(catalog.version(caller.actor(), workspace, id, n), null);
    }

    @GET
    @Path("/{id}/versions/{n}/content")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, "application/problem+json"})
    public Response content(@PathParam("ws") String workspace, @PathParam("id") long id, @PathParam("n") int n) {
        var version = catalog.version(caller.actor(), workspace, id, n);
        return Response.ok(catalog.content(version), MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .tag(new EntityTag(version.contentHash()))
                .header("Content-Disposition", "attachment; filename=\"" + version.adapter().name() + "-v"
                        + version.version() + ".safetensors\"")
                .build();
    }

    @POST
    @Path("/{id}/versions/{n}/publish")
    public LoraView.Version publish(@PathParam("ws") String workspace, @PathParam("id") long id,
                                    @PathParam("n") int n) {
        return LoraView.Version.of(lifecycle.publish(caller.actor(), workspace, id, n), null);
    }

    @POST
    @Path("/{id}/versions/{n}/deprecate")
    public LoraView.Version deprecate(@PathParam("ws") String workspace, @PathParam("id") long id,
                                      @PathParam("n") int n) {
        return LoraView.Version.of(lifecycle.deprecate(caller.actor(), workspace, id, n), null);
    }

    @PUT
    @Path("/{id}/sharing")
    @Consumes(MediaType.APPLICATION_JSON)
    public LoraView share(@PathParam("ws") String workspace, @PathParam("id") long id, Sharing body) {
        if (body == null || body.shared() == null) {
            throw new InvalidInputException("shared", "Send {\"shared\": true} or {\"shared\": false}.");
        }
        return LoraView.of(lifecycle.share(caller.actor(), workspace, id, body.shared()));
    }

    @PUT
    @Path("/{id}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    public LoraView rate(@PathParam("ws") String workspace, @PathParam("id") long id, Rating body) {
        if (body == null || body.stars() == null) {
            throw new InvalidInputException("stars", "Send {\"stars\": 1..5} and, optionally, the \"model\" you"
                    + " judged it on.");
        }
        return LoraView.of(feedback.rate(caller.actor(), workspace, id, body.stars(),
                Optional.ofNullable(body.model())));
    }

    @POST
    @Path("/{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response comment(@PathParam("ws") String workspace, @PathParam("id") long id, NewComment body) {
        var comment = feedback.comment(caller.actor(), workspace, id, body == null ? null : body.body());
        return Response.status(Response.Status.CREATED)
                .entity(new CommentView(comment.id(), comment.author(), comment.body(), comment.createdAt())).build();
    }

    @GET
    @Path("/{id}/comments")
    public List<CommentView> comments(@PathParam("ws") String workspace, @PathParam("id") long id) {
        return feedback.comments(caller.actor(), workspace, id).stream()
                .map(c -> new CommentView(c.id(), c.author(), c.body(), c.createdAt())).toList();
    }

    private static LoraState state(String name) {
        try {
            return LoraState.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "state is one of " + List.of(LoraState.values()) + ".");
        }
    }

    private WebApplicationException tooLarge() {
        return new WebApplicationException("The file is larger than " + maxBytes + " bytes, the most this portal"
                + " accepts for a LoRA (atelier.lora.max-bytes).", 413);
    }

    /** Reads the body, refusing it as soon as it passes the limit (a chunked upload has no Content-Length). */
    byte[] readAtMost(InputStream body, long limit) {
        if (body == null) {
            return new byte[0];
        }
        try (body) {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
