package com.atelier.web.ui;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Role;
import com.atelier.governance.workspace.WorkspaceDirectory;
import com.atelier.governance.workspace.WorkspaceMembership;
import com.atelier.web.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** Backs the home page: the workspaces the signed-in user can open (the header is {@link PortalNavigation}). */
@Named
@RequestScoped
public class WorkspaceGallery {

    private Caller caller;
    private WorkspaceDirectory directory;
    private Actor actor;
    private List<WorkspaceMembership> workspaces;

    public WorkspaceGallery() {
        // for CDI proxies
    }

    @Inject
    public WorkspaceGallery(Caller caller, WorkspaceDirectory directory) {
        this.caller = caller;
        this.directory = directory;
    }

    @PostConstruct
    void load() {
        actor = caller.actor();
        workspaces = directory.visibleTo(actor);
    }

    public List<WorkspaceMembership> getWorkspaces() {
        return workspaces;
    }

    public String roleIn(WorkspaceMembership workspace) {
        return workspace.role().map(Role::realmName).orElse("(all workspaces)");
    }
}
