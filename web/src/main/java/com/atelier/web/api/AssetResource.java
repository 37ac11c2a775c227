package com.atelier.web.api;

import com.atelier.governance.asset.AssetCatalog;
import com.atelier.governance.asset.AssetPage;
import com.atelier.governance.asset.AssetQuery;
import com.atelier.governance.asset.AssetState;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import java.util.UUID;

/** /api/v1/workspaces/{ws}/assets: the gallery with filters and paging, one asset, its bytes and its tags. */
@Path("/workspaces/{ws}/assets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AssetResource {

    private Caller caller;
    private AssetCatalog catalog;

    public AssetResource() {
        // for CDI proxies
    }

    @Inject
    public AssetResource(Caller caller, AssetCatalog catalog) {
        this.caller = caller;
        this.catalog = catalog;
    }

    public record Page(List<AssetView> items, int page, int size, long total) {
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

    @GET
    @Path("/{id}/content")
    @Produces({"image/png", "application/problem+json"})
    public Response content(@PathParam("ws") String workspace, @PathParam("id") UUID id) {
        var asset = catalog.asset(caller.actor(), workspace, id);
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setMaxAge(3600);
        return Response.ok(catalog.content(asset), asset.mediaType())
                .tag(new EntityTag(asset.contentHash()))
                .cacheControl(cache)
                .build();
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
