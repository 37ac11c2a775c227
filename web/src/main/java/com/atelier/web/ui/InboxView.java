package com.atelier.web.ui;

import com.atelier.governance.failure.GovernanceException;
import com.atelier.governance.inbox.Inbox;
import com.atelier.governance.inbox.InboxItem;
import com.atelier.web.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** Backs the inbox: the user's notices newest first, unread ones highlighted, each linking to what it is about. */
@Named
@ViewScoped
public class InboxView implements Serializable {

    private static final long serialVersionUID = 1L;

    private Caller caller;
    private Inbox inbox;

    private List<InboxItem> items = List.of();
    private boolean unreadOnly;

    protected InboxView() {
        // for CDI proxies
    }

    @Inject
    public InboxView(Caller caller, Inbox inbox) {
        this.caller = caller;
        this.inbox = inbox;
    }

    @PostConstruct
    void load() {
        items = inbox.of(caller.actor(), unreadOnly, Inbox.MAX_PAGE);
    }

    public void markRead(InboxItem item) {
        try {
            inbox.markRead(caller.actor(), item.id());
            load();
        } catch (GovernanceException e) {
            Messages.error(null, e.getMessage());
        }
    }

    public void markAllRead() {
        items.stream().filter(i -> i.readAt().isEmpty()).forEach(i -> inbox.markRead(caller.actor(), i.id()));
        load();
    }

    /** Marks the notice read and goes to what it is about. */
    public String open(InboxItem item) {
        inbox.markRead(caller.actor(), item.id());
        return switch (item.subjectType()) {
            case "asset" -> "/app/asset.xhtml?faces-redirect=true&ws=" + Links.encode(item.workspace()) + "&id="
                    + Links.encode(item.subjectId());
            case "review" -> "/app/review.xhtml?faces-redirect=true";
            default -> null;
        };
    }

    public long getUnreadCount() {
        return items.stream().filter(i -> i.readAt().isEmpty()).count();
    }

    public List<InboxItem> getItems() { return items; }
    public boolean isUnreadOnly() { return unreadOnly; }
    public void setUnreadOnly(boolean unreadOnly) { this.unreadOnly = unreadOnly; load(); }
}
