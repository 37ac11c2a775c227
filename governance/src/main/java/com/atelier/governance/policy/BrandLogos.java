package com.atelier.governance.policy;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Permission;
import com.atelier.governance.asset.AssetStore;
import com.atelier.governance.audit.AuditEvent;
import com.atelier.governance.audit.AuditTrail;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.failure.NotFoundException;
import com.atelier.governance.imaging.BoundedImageDecoder;
import com.atelier.governance.imaging.DecodedImage;
import com.atelier.governance.imaging.ImageLimits;
import com.atelier.governance.workspace.Workspace;
import com.atelier.governance.workspace.WorkspaceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import com.atelier.governance.json.Jsonp;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The logos of a workspace's brand kit. Brand managers add PNG or JPEG logos (checked to be real images, at most
 * {@link #MAX_BYTES}) and remove them; members see them. Every change is audited.
 */
@ApplicationScoped
public class BrandLogos {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final int MAX_NAME = 120;
    /** Logos are marks, not photographs: 4096 px a side and 16 megapixels are plenty, and bound the decoding. */
    static final ImageLimits LIMITS = new ImageLimits(MAX_BYTES, 1, 4096, 4096L * 4096, ImageLimits.PNG_OR_JPEG);

    private EntityManager entityManager;
    private WorkspaceDirectory directory;
    private AssetStore store;
    private AuditTrail auditTrail;
    private Clock clock;

    protected BrandLogos() {
        // for CDI proxies
    }

    @Inject
    public BrandLogos(EntityManager entityManager, WorkspaceDirectory directory, AssetStore store, AuditTrail auditTrail,
                      Clock clock) {
        this.entityManager = entityManager;
        this.directory = directory;
        this.store = store;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @Transactional
    public BrandLogo add(Actor actor, String workspaceSlug, String name, byte[] file) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.EDIT_BRAND_POLICY);
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > MAX_NAME) {
            throw new InvalidInputException("name", "A logo needs a name of 1 to " + MAX_NAME + " characters.");
        }
        if (file == null || file.length == 0 || file.length > MAX_BYTES) {
            throw new InvalidInputException("file", "A logo is a PNG or JPEG file of at most "
                    + MAX_BYTES / (1024 * 1024) + " MiB.");
        }
        DecodedImage image = BoundedImageDecoder.decode("file", file, LIMITS);
        BrandLogo logo = new BrandLogo(workspace, label, store.put(file), image.mediaType(), image.width(),
                image.height(), actor.userId(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        entityManager.persist(logo);
        entityManager.flush();
        auditTrail.append(AuditEvent.inWorkspace(actor, workspaceSlug, "brand-kit.logo-added", "brand-logo",
                logo.id().toString(), Jsonp.createObjectBuilder().add("name", label).add("sha256", logo.sha256())
                        .build().toString()));
        return logo;
    }

    @Transactional
    public void remove(Actor actor, String workspaceSlug, long logoId) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.EDIT_BRAND_POLICY);
        BrandLogo logo = find(workspace, logoId);
        logo.remove(clock.instant());
        auditTrail.append(AuditEvent.inWorkspace(actor, workspaceSlug, "brand-kit.logo-removed", "brand-logo",
                logo.id().toString(), Jsonp.createObjectBuilder().add("name", logo.name()).build().toString()));
    }

    /** The workspace's current logos, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BrandLogo> of(Actor actor, String workspaceSlug) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.VIEW_WORKSPACE);
        return entityManager.createQuery("SELECT l FROM BrandLogo l WHERE l.workspace = :ws AND l.removedAt IS NULL"
                        + " ORDER BY l.id", BrandLogo.class)
                .setParameter("ws", workspace)
                .getResultList();
    }

    /** A logo's bytes, for members of the workspace. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] content(Actor actor, String workspaceSlug, long logoId) {
        BrandLogo logo = find(directory.access(actor, workspaceSlug, Permission.VIEW_WORKSPACE), logoId);
        return store.get(logo.sha256()).orElseThrow(() -> new NotFoundException("The file of logo " + logoId
                + " is missing from the asset store."));
    }

    public BrandLogo logo(Actor actor, String workspaceSlug, long logoId) {
        return find(directory.access(actor, workspaceSlug, Permission.VIEW_WORKSPACE), logoId);
    }

    private BrandLogo find(Workspace workspace, long logoId) {
        BrandLogo logo = entityManager.find(BrandLogo.class, logoId);
        if (logo == null || logo.removedAt().isPresent() || !logo.workspaceId().equals(workspace.id())) {
            throw new NotFoundException("No logo " + logoId + " in workspace '" + workspace.slug() + "'.");
        }
        return logo;
    }
}
