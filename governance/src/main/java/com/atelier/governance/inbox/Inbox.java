package com.atelier.governance.inbox;

import com.atelier.governance.access.Actor;
import com.atelier.governance.failure.NotFoundException;
import com.atelier.governance.workspace.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Each user's in-app notices (review requested, decision made, mention). Notices are written in the transaction
 * of the change they announce, so a rolled-back decision leaves no notice behind; each one is also fired as a
 * CDI event for optional outside channels (the e-mail hook in integrations).
 */
@ApplicationScoped
public class Inbox {

    public static final int MAX_PAGE = 100;

    private EntityManager entityManager;
    private Event<InboxItem> delivered;
    private Clock clock;

    protected Inbox() {
        // for CDI proxies
    }

    @Inject
    public Inbox(EntityManager entityManager, Event<InboxItem> delivered, Clock clock) {
        this.entityManager = entityManager;
        this.delivered = delivered;
        this.clock = clock;
    }

    /** Tells each user once, except the one whose action it is: nobody needs a notice about their own act. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tell(Collection<String> users, String actingUser, Workspace workspace, Notice notice) {
        users.stream().distinct().filter(u -> !u.equals(actingUser)).forEach(user -> {
            InboxItem item = new InboxItem(user, workspace, notice, clock.instant().truncatedTo(ChronoUnit.MICROS));
            entityManager.persist(item);
            delivered.fire(item);
        });
    }

    /** The actor's newest notices first, only the unread ones if asked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<InboxItem> of(Actor actor, boolean unreadOnly, int limit) {
        return entityManager.createQuery("SELECT i FROM InboxItem i WHERE i.userId = :user"
                        + (unreadOnly ? " AND i.readAt IS NULL" : "") + " ORDER BY i.createdAt DESC", InboxItem.class)
                .setParameter("user", actor.userId())
                .setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE)))
                .getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long unread(Actor actor) {
        return entityManager.createQuery("SELECT count(i) FROM InboxItem i WHERE i.userId = :user"
                        + " AND i.readAt IS NULL", Long.class)
                .setParameter("user", actor.userId())
                .getSingleResult();
    }

    @Transactional
    public InboxItem markRead(Actor actor, UUID itemId) {
        InboxItem item = entityManager.find(InboxItem.class, itemId);
        if (item == null || !item.userId().equals(actor.userId())) {
            throw new NotFoundException("No notice " + itemId + " in your inbox.");
        }
        item.markRead(clock.instant());
        return item;
    }
}
