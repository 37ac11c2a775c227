package com.atelier.web.api;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Role;
import com.atelier.governance.workspace.WorkspaceDirectory;
import com.atelier.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** GET /api/v1/me: who the token says the caller is, their realm roles and their workspaces. */
@Path("/me")
@RequestScoped
public class MeResource {

    private Caller caller;
    private WorkspaceDirectory workspaces;

    public MeResource() {
        // for CDI proxies
    }

    @Inject
    public MeResource(Caller caller, WorkspaceDirectory workspaces) {
        this.caller = caller;
        this.workspaces = workspaces;
    }

    public record Me(String userId, List<String> roles, List<WorkspaceView> workspaces) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        Actor actor = caller.actor();
        return new Me(actor.userId(), actor.roles().stream().map(Role::realmName).sorted().toList(),
                workspaces.visibleTo(actor).stream().map(WorkspaceView::of).toList());
    }
}
