package com.atelier.web.api;

import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.library.prompt.PromptTemplatePage;
import com.atelier.governance.library.prompt.PromptTemplateQuery;
import com.atelier.governance.library.prompt.PromptTemplates;
import com.atelier.governance.library.prompt.RenderedPrompt;
import com.atelier.governance.library.prompt.TemplateDiff;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * /api/v1/workspaces/{ws}/prompts: the workspace's prompt library. Every PUT adds a version; {@code If-Match} with
 * the version the editor started from (the ETag of GET) turns a lost update into a 409.
 */
@Path("/workspaces/{ws}/prompts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PromptResource {

    private Caller caller;
    private PromptTemplates templates;

    public PromptResource() {
        // for CDI proxies
    }

    @Inject
    public PromptResource(Caller caller, PromptTemplates templates) {
        this.caller = caller;
        this.templates = templates;
    }

    public record Page(List<PromptTemplateView> items, int page, int size, long total) {
    }

    /** The body of POST /render: the version (latest when absent) and the variables' values. */
    public record RenderRequest(Integer version, Map<String, String> variables) {
    }

    @GET
    public Page list(@PathParam("ws") String workspace, @QueryParam("q") String q, @QueryParam("tag") String tag,
                     @QueryParam("sort") @DefaultValue("recent") String sort,
                     @QueryParam("page") @DefaultValue("0") int page,
                     @QueryParam("size") @DefaultValue("20") int size) {
        PromptTemplatePage found = templates.find(caller.actor(), workspace, new PromptTemplateQuery(
                Optional.ofNullable(q), Optional.ofNullable(tag), PromptTemplateQuery.Order.of(sort), page, size));
        return new Page(found.items().stream().map(PromptTemplateView::of).toList(), found.page(), found.size(),
                found.total());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("ws") String workspace, PromptTemplateRequest body, @Context UriInfo uri) {
        var version = templates.create(caller.actor(), workspace, required(body).toContent());
        return Response.created(uri.getAbsolutePathBuilder().path(version.template().id().toString()).build())
                .tag(etag(version.version()))
                .entity(PromptTemplateView.of(version))
                .build();
    }

    @GET
    @Path("/{id}")
    public Response template(@PathParam("ws") String workspace, @PathParam("id") long id) {
        var version = templates.latest(caller.actor(), workspace, id);
        return Response.ok(PromptTemplateView.of(version)).tag(etag(version.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response edit(@PathParam("ws") String workspace, @PathParam("id") long id,
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, PromptTemplateRequest body) {
        var version = templates.edit(caller.actor(), workspace, id, required(body).toContent(), expected(ifMatch));
        return Response.ok(PromptTemplateView.of(version)).tag(etag(version.version())).build();
    }

    @GET
    @Path("/{id}/versions")
    public List<PromptTemplateView> versions(@PathParam("ws") String workspace, @PathParam("id") long id) {
        return templates.versions(caller.actor(), workspace, id).stream().map(PromptTemplateView::of).toList();
    }

    @GET
    @Path("/{id}/versions/{n}")
    public PromptTemplateView version(@PathParam("ws") String workspace, @PathParam("id") long id,
                                      @PathParam("n") int n) {
        return PromptTemplateView.of(templates.version(caller.actor(), workspace, id, n));
    }

    @GET
    @Path("/{id}/diff")
    public TemplateDiff diff(@PathParam("ws") String workspace, @PathParam("id") long id,
                             @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        if (from == null || to == null) {
            throw new InvalidInputException(from == null ? "from" : "to", "Name both versions: ?from=1&to=3.");
        }
        return templates.diff(caller.actor(), workspace, id, from, to);
    }

    @POST
    @Path("/{id}/rollback")
    public Response rollback(@PathParam("ws") String workspace, @PathParam("id") long id,
                             @QueryParam("to") Integer to) {
        if (to == null) {
            throw new InvalidInputException("to", "Name the version to restore: ?to=2.");
        }
        var version = templates.rollback(caller.actor(), workspace, id, to);
        return Response.ok(PromptTemplateView.of(version)).tag(etag(version.version())).build();
    }

    @POST
    @Path("/{id}/render")
    @Consumes(MediaType.APPLICATION_JSON)
    public RenderedPrompt render(@PathParam("ws") String workspace, @PathParam("id") long id, RenderRequest body) {
        RenderRequest request = body == null ? new RenderRequest(null, Map.of()) : body;
        return templates.render(caller.actor(), workspace, id, Optional.ofNullable(request.version()),
                request.variables() == null ? Map.of() : request.variables());
    }

    private static PromptTemplateRequest required(PromptTemplateRequest body) {
        if (body == null) {
            throw new InvalidInputException("body", "Send a JSON object with at least 'name' and 'text'.");
        }
        return body;
    }

    private static EntityTag etag(int version) {
        return new EntityTag(Integer.toString(version));
    }

    /** If-Match carries the version as an entity tag ("3") or, leniently, as a bare number. */
    static Optional<Integer> expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Optional.empty();
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "If-Match carries the template version you edited, e.g."
                    + " \"3\" (the ETag of GET).");
        }
    }
}
