package com.atelier.web.ui;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Permission;
import com.atelier.governance.access.Role;
import com.atelier.governance.inbox.Inbox;
import com.atelier.web.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** Backs the header of every page: who is signed in, their roles, the pages their roles open and unread notices. */
@Named
@RequestScoped
public class PortalNavigation {

    private Caller caller;
    private Inbox inbox;
    private Actor actor;
    private Long unread;

    protected PortalNavigation() {
        // for CDI proxies
    }

    @Inject
    public PortalNavigation(Caller caller, Inbox inbox) {
        this.caller = caller;
        this.inbox = inbox;
    }

    @PostConstruct
    void load() {
        actor = caller.actor();
    }

    public String getUserId() {
        return actor.userId();
    }

    public List<String> getRoles() {
        return actor.roles().stream().map(Role::realmName).sorted().toList();
    }

    public boolean isGenerator() {
        return actor.can(Permission.GENERATE);
    }

    public boolean isApprover() {
        return actor.can(Permission.APPROVE);
    }

    public boolean isCompliance() {
        return actor.can(Permission.READ_AUDIT_TRAIL);
    }

    public boolean isBrandKit() {
        return actor.can(Permission.VIEW_WORKSPACE);
    }

    public boolean isAdmin() {
        return actor.can(Permission.MANAGE_WORKSPACES);
    }

    public long getUnread() {
        if (unread == null) {
            unread = inbox.unread(actor);
        }
        return unread;
    }
}
