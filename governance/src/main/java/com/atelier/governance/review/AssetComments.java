package com.atelier.governance.review;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Permission;
import com.atelier.governance.asset.Asset;
import com.atelier.governance.asset.AssetCatalog;
import com.atelier.governance.audit.AuditEvent;
import com.atelier.governance.audit.AuditTrail;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.inbox.Inbox;
import com.atelier.governance.inbox.Notice;
import com.atelier.governance.inbox.NoticeKind;
import com.atelier.governance.workspace.Workspace;
import com.atelier.governance.workspace.WorkspaceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import com.atelier.governance.json.Jsonp;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Comments and annotations on assets; a mention ({@code @user}) of a member lands in that member's inbox. */
@ApplicationScoped
public class AssetComments {

    // A mention ends at whitespace or punctuation that cannot end a Keycloak user name.
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([A-Za-z0-9][A-Za-z0-9._+-]{0,254}[A-Za-z0-9])");

    private EntityManager entityManager;
    private WorkspaceDirectory directory;
    private AssetCatalog catalog;
    private AuditTrail auditTrail;
    private Inbox inbox;
    private Clock clock;

    protected AssetComments() {
        // for CDI proxies
    }

    @Inject
    public AssetComments(EntityManager entityManager, WorkspaceDirectory directory, AssetCatalog catalog,
                      AuditTrail auditTrail, Inbox inbox,
                         Clock clock) {
        this.entityManager = entityManager;
        this.directory = directory;
        this.catalog = catalog;
        this.auditTrail = auditTrail;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Transactional
    public AssetComment comment(Actor actor, String workspaceSlug, UUID assetId, String body, Optional<Region> region) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.COMMENT);
        Asset asset = catalog.inWorkspace(workspace, assetId, LockModeType.NONE);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > ReviewDesk.MAX_COMMENT) {
            throw new InvalidInputException("text", "A comment is 1 to " + ReviewDesk.MAX_COMMENT + " characters.");
        }
        Set<String> mentioned = mentions(text);
        var members = directory.members(actor, workspaceSlug).keySet();
        for (String user : mentioned) {
            if (!members.contains(user)) {
                throw new InvalidInputException("text", "@" + user + " is not a member of workspace '"
                        + workspaceSlug + "'; only members can be mentioned.");
            }
        }
        AssetComment comment = new AssetComment(asset.id(), actor.userId(), text, region, mentioned,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        entityManager.persist(comment);
        auditTrail.append(AuditEvent.inWorkspace(actor, workspaceSlug, "asset.commented", "asset",
                assetId.toString(), Jsonp.createObjectBuilder().add("comment", comment.id().toString())
                        .add("mentions", Jsonp.createArrayBuilder(mentioned)).build().toString()));
        inbox.tell(mentioned, actor.userId(), workspace, new Notice(NoticeKind.MENTION, "asset", assetId.toString(),
                actor.userId() + " mentioned you: " + text));
        return comment;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AssetComment> of(Actor actor, String workspaceSlug, UUID assetId) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.VIEW_WORKSPACE);
        catalog.inWorkspace(workspace, assetId, LockModeType.NONE);
        return entityManager.createQuery("SELECT c FROM AssetComment c WHERE c.assetId = :asset"
                        + " ORDER BY c.createdAt, c.id", AssetComment.class)
                .setParameter("asset", assetId)
                .getResultList();
    }

    /** The user names a comment mentions, in order of appearance. */
    static Set<String> mentions(String text) {
        Set<String> users = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find()) {
            users.add(matcher.group(1));
        }
        return users;
    }

}
