package com.atelier.web.ui;

import com.atelier.governance.access.Actor;
import com.atelier.governance.audit.AuditTrail;
import com.atelier.governance.review.AssetComments;
import com.atelier.governance.review.ReviewDesk;
import com.atelier.governance.asset.AssetCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/** Reads an asset's lineage for the review queue and the asset page, the way the API's lineage resource does. */
@ApplicationScoped
public class AssetLineages {

    static final int HISTORY = 200;

    private AssetCatalog catalog;
    private ReviewDesk desk;
    private AssetComments comments;
    private AuditTrail auditTrail;

    protected AssetLineages() {
        // for CDI proxies
    }

    @Inject
    public AssetLineages(AssetCatalog catalog, ReviewDesk desk, AssetComments comments, AuditTrail auditTrail) {
        this.catalog = catalog;
        this.desk = desk;
        this.comments = comments;
        this.auditTrail = auditTrail;
    }

    /** The lineage, if the actor may see the asset (governance throws NotFound otherwise). */
    public AssetLineage of(Actor actor, String workspace, UUID assetId) {
        var asset = catalog.asset(actor, workspace, assetId);
        var review = asset.reviewId().map(r -> desk.review(actor, workspace, r)).orElse(null);
        return new AssetLineage(asset, review, desk.decisions(assetId), comments.of(actor, workspace, assetId),
                auditTrail.entriesAbout("asset", assetId.toString(), HISTORY));
    }
}
