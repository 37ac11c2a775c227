package com.atelier.governance.asset;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Permission;
import com.atelier.governance.audit.AuditEvent;
import com.atelier.governance.audit.AuditTrail;
import com.atelier.governance.failure.ConflictException;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.provenance.ContentCredentials;
import com.atelier.governance.provenance.ProvenanceManifest;
import com.atelier.governance.workspace.Workspace;
import com.atelier.governance.workspace.WorkspaceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import com.atelier.governance.json.Jsonp;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The pipeline steps after approval: an approved asset upscaled (Triton's upscaler) or given a colour preset
 * becomes a new asset whose Content Credentials list the approved file as parent ingredient and record the edit.
 * The new asset starts in GENERATED and needs its own approval before it leaves the portal.
 */
@ApplicationScoped
public class AssetDerivatives {

    /** What can be done to an approved asset. */
    public enum Operation {
        UPSCALE, COLOUR_PRESET;

        public static Operation named(String name) {
            return switch (name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) {
                case "upscale" -> UPSCALE;
                case "colour-preset", "color-preset" -> COLOUR_PRESET;
                default -> throw new InvalidInputException("operation", "operation is upscale or colour-preset.");
            };
        }
    }

    private EntityManager entityManager;
    private WorkspaceDirectory directory;
    private AssetCatalog catalog;
    private AssetStore store;
    private Upscaler upscaler;
    private ContentCredentials credentials;
    private AuditTrail auditTrail;
    private Clock clock;

    protected AssetDerivatives() {
        // for CDI proxies
    }

    @Inject
    public AssetDerivatives(EntityManager entityManager, WorkspaceDirectory directory, AssetCatalog catalog,
                            AssetStore store, Upscaler upscaler, ContentCredentials credentials, AuditTrail auditTrail,
                            Clock clock) {
        this.entityManager = entityManager;
        this.directory = directory;
        this.catalog = catalog;
        this.store = store;
        this.upscaler = upscaler;
        this.credentials = credentials;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @Transactional
    public Asset derive(Actor actor, String workspaceSlug, java.util.UUID assetId, Operation operation,
                        Optional<String> preset) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.GENERATE);
        Asset parent = catalog.inWorkspace(workspace, assetId, LockModeType.PESSIMISTIC_READ);
        if (parent.state() != AssetState.APPROVED) {
            throw new ConflictException("Asset " + assetId + " is " + parent.state() + "; only APPROVED assets are"
                    + " upscaled or colour-corrected.");
        }
        byte[] signedParent = catalog.content(parent);
        byte[] edited;
        ProvenanceManifest.ImageEdit edit;
        String label;
        if (operation == Operation.UPSCALE) {
            if (Math.max(parent.width(), parent.height()) > upscaler.maxInputSide()) {
                throw new ConflictException("Asset " + assetId + " is " + parent.width() + "x" + parent.height()
                        + "; the upscaler takes images up to " + upscaler.maxInputSide() + " pixels a side.");
            }
            edited = upscaler.upscale(signedParent);
            edit = ProvenanceManifest.ImageEdit.RESIZED;
            label = "upscale-4x";
        } else {
            ColourPreset chosen = ColourPreset.named(preset.orElse(null));
            edited = png(chosen.applyTo(read(signedParent)));
            edit = ProvenanceManifest.ImageEdit.COLOR_ADJUSTED;
            label = "colour-" + chosen.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        BufferedImage result = read(edited);
        var details = ProvenanceManifest.GenerationDetails.of(parent.model(), parent.modelVersion(), AssetExport.loras(parent),
                parent.prompt(), false, workspaceSlug, parent.jobId().toString(), Optional.empty(), parent.requester());
        byte[] signed = credentials.signPng(edited, ProvenanceManifest.forDerivedImage("Atelier " + label + " of asset "
                        + parent.id(), ProvenanceManifest.PNG, AssetExport.GENERATOR_VERSION, details,
                new ProvenanceManifest.ParentIngredient("Atelier asset " + parent.id(), ProvenanceManifest.PNG,
                        signedParent), List.of(edit)));
        Asset derived = Asset.derivedFrom(parent, label, new Asset.Content(store.put(signed), "image/png",
                result.getWidth(), result.getHeight(), 0), clock.instant().truncatedTo(ChronoUnit.MICROS));
        entityManager.persist(derived);
        auditTrail.append(AuditEvent.inWorkspace(actor, workspaceSlug, "asset.derived", "asset",
                derived.id().toString(), Jsonp.createObjectBuilder().add("parent", parent.id().toString())
                        .add("operation", label).add("sha256", derived.contentHash())
                        .add("width", derived.width()).add("height", derived.height()).build().toString()));
        return derived;
    }

    private static BufferedImage read(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new IllegalStateException("not a readable image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] png(BufferedImage image) {
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
