package com.atelier.web.ui;

import com.atelier.governance.asset.Asset;
import com.atelier.governance.audit.AuditEntry;
import com.atelier.governance.review.AssetComment;
import com.atelier.governance.review.ReviewDecision;
import com.atelier.governance.review.ReviewRequest;

import java.util.List;

/**
 * Everything a page shows about how an asset came to be and what happened to it since: the asset (prompt, model,
 * seed, LoRAs, parameters), its review request, the decisions, the comments and its audit history, newest first.
 */
public record AssetLineage(Asset asset, ReviewRequest review, List<ReviewDecision> decisions,
                           List<AssetComment> comments, List<AuditEntry> history) {

    public boolean hasReview() {
        return review != null;
    }
}
