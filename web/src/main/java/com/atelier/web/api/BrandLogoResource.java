package com.atelier.web.api;

import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.policy.BrandLogo;
import com.atelier.governance.policy.BrandLogos;
import com.atelier.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;

/** /api/v1/workspaces/{ws}/brand-logos: the brand kit's logos (brand managers add and remove; members read). */
@Path("/workspaces/{ws}/brand-logos")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BrandLogoResource {

    private Caller caller;
    private BrandLogos logos;

    public BrandLogoResource() {
        // for CDI proxies
    }

    @Inject
    public BrandLogoResource(Caller caller, BrandLogos logos) {
        this.caller = caller;
        this.logos = logos;
    }

    public record LogoView(long id, String name, String sha256, String mediaType, int width, int height,
                           String addedBy, Instant addedAt) {
        static LogoView of(BrandLogo logo) {
            return new LogoView(logo.id(), logo.name(), logo.sha256(), logo.mediaType(), logo.width(), logo.height(),
                    logo.addedBy(), logo.addedAt());
        }
    }

    @GET
    public List<LogoView> list(@PathParam("ws") String workspace) {
        return logos.of(caller.actor(), workspace).stream().map(LogoView::of).toList();
    }

    /** The body is the PNG or JPEG; {@code ?name=} names it. */
    @POST
    @Consumes({"image/png", "image/jpeg", MediaType.APPLICATION_OCTET_STREAM})
    public Response add(@PathParam("ws") String workspace, @QueryParam("name") String name, byte[] file) {
        if (file != null && file.length > BrandLogos.MAX_BYTES) {
            throw new InvalidInputException("file", "A logo is at most " + BrandLogos.MAX_BYTES / (1024 * 1024) + " MiB.");
        }
        return Response.status(Response.Status.CREATED)
                .entity(LogoView.of(logos.add(caller.actor(), workspace, name, file))).build();
    }

    @GET
    @Path("/{id}/content")
    @Produces({"image/png", "image/jpeg", "application/problem+json"})
    public Response content(@PathParam("ws") String workspace, @PathParam("id") long id) {
        var actor = caller.actor();
        BrandLogo logo = logos.logo(actor, workspace, id);
        return Response.ok(logos.content(actor, workspace, id), logo.mediaType()).build();
    }

    @DELETE
    @Path("/{id}")
    public Response remove(@PathParam("ws") String workspace, @PathParam("id") long id) {
        logos.remove(caller.actor(), workspace, id);
        return Response.noContent().build();
    }
}
