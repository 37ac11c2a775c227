package com.atelier.web.api;

import com.atelier.governance.access.Permission;
import com.atelier.governance.access.Role;
import com.atelier.governance.workspace.ReviewSettings;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.workspace.NewWorkspace;
import com.atelier.governance.workspace.WorkspaceDirectory;
import com.atelier.governance.workspace.WorkspaceQuota;
import com.atelier.governance.workspace.WorkspaceMembership;
import com.atelier.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import com.atelier.governance.webhook.Webhook;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * /api/v1/workspaces: list the caller's workspaces; admins create workspaces and grant memberships.
 */
@Path("/workspaces")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceResource {

    private Caller caller;
    private WorkspaceDirectory directory;

    public WorkspaceResource() {
        // for CDI proxies
    }

    @Inject
    public WorkspaceResource(Caller caller, WorkspaceDirectory directory) {
        this.caller = caller;
        this.directory = directory;
    }

    public record CreateWorkspace(String slug, String name, String description, Integer dailyImageQuota) {
    }

    public record GrantMembership(String role) {
    }

    public record Member(String userId, String role) {
    }

    @GET
    public List<WorkspaceView> list() {
        return directory.visibleTo(caller.actor()).stream().map(WorkspaceView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateWorkspace body, @Context UriInfo uri) {
        var actor = caller.actor();
        if (body == null) {
            throw new InvalidInputException("body", "Send a JSON object with 'slug', 'name' and optional 'description'.");
        }
        WorkspaceMembership created = directory.create(actor, new NewWorkspace(body.slug(), body.name(),
                body.description(), body.dailyImageQuota()));
        return Response.created(uri.getAbsolutePathBuilder().path(created.slug()).build())
                .entity(WorkspaceView.of(created))
                .build();
    }

    @GET
    @Path("/{slug}/members")
    public List<Member> members(@PathParam("slug") String slug) {
        Map<String, Role> members = directory.members(caller.actor(), slug);
        return members.entrySet().stream().map(e -> new Member(e.getKey(), e.getValue().realmName())).toList();
    }

    @PUT
    @Path("/{slug}/members/{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Member grant(@PathParam("slug") String slug, @PathParam("userId") String userId, GrantMembership body) {
        var actor = caller.actor();
        if (body == null || body.role() == null) {
            throw new InvalidInputException("role", "Send a JSON object with the member's 'role', e.g."
                    + " {\"role\": \"designer\"}.");
        }
        Role role = Role.fromRealmName(body.role()).orElseThrow(() -> new InvalidInputException("role",
                "Unknown role '" + body.role() + "'."));
        directory.grant(actor, slug, userId, role);
        return new Member(userId, role.realmName());
    }

    /** {@code requiredApprovals} (1..5) and {@code selfApprovalAllowed}. */
    public record ReviewSettingsBody(Integer requiredApprovals, Boolean selfApprovalAllowed) {
    }

    @GET
    @Path("/{slug}/review-settings")
    public ReviewSettings reviewSettings(@PathParam("slug") String slug) {
        return directory.access(caller.actor(), slug, Permission.VIEW_WORKSPACE).reviewSettings();
    }

    @PUT
    @Path("/{slug}/review-settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReviewSettings changeReviewSettings(@PathParam("slug") String slug, ReviewSettingsBody body) {
        if (body == null || body.requiredApprovals() == null || body.selfApprovalAllowed() == null) {
            throw new InvalidInputException("requiredApprovals", "Send {\"requiredApprovals\": 2,"
                    + " \"selfApprovalAllowed\": false}.");
        }
        return directory.changeReviewSettings(caller.actor(), slug,
                new ReviewSettings(body.requiredApprovals(), body.selfApprovalAllowed()));
    }

    /** The workspace's webhook as the API shows it: the URL only, the secret is never shown again. */
    public record WebhookView(String url) {
    }

    @GET
    @Path("/{slug}/webhook")
    public WebhookView webhook(@PathParam("slug") String slug) {
        return new WebhookView(directory.access(caller.actor(), slug, Permission.VIEW_WORKSPACE).webhook()
                .map(w -> w.url().toString()).orElse(null));
    }

    @PUT
    @Path("/{slug}/webhook")
    @Consumes(MediaType.APPLICATION_JSON)
    public WebhookView registerWebhook(@PathParam("slug") String slug, GenerationRequest.WebhookTarget body) {
        if (body == null) {
            throw new InvalidInputException("url", "Send {\"url\": \"https://...\", \"secret\": \"...\"}.");
        }
        directory.changeWebhook(caller.actor(), slug, Optional.of(Webhook.of(body.url(), body.secret())));
        return new WebhookView(body.url());
    }

    @DELETE
    @Path("/{slug}/webhook")
    public Response removeWebhook(@PathParam("slug") String slug) {
        directory.changeWebhook(caller.actor(), slug, Optional.empty());
        return Response.noContent().build();
    }

    /**
     * {@code dailyImageQuota}: images per UTC day; {@code jobsInFlightPerUser}: jobs one person may have queued or
     * running when submitting to this workspace. Null (or absent) means the portal default.
     */
    public record QuotaBody(Integer dailyImageQuota, Integer jobsInFlightPerUser) {
    }

    @PUT
    @Path("/{slug}/quota")
    @Consumes(MediaType.APPLICATION_JSON)
    public QuotaBody changeQuota(@PathParam("slug") String slug, QuotaBody body) {
        WorkspaceQuota quota = directory.changeQuota(caller.actor(), slug, body == null ? new WorkspaceQuota(null, null)
                : new WorkspaceQuota(body.dailyImageQuota(), body.jobsInFlightPerUser()));
        return new QuotaBody(quota.dailyImageQuota(), quota.jobsInFlightPerUser());
    }
}
