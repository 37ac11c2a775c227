package com.atelier.governance.review;

import com.atelier.governance.asset.AssetState;
import com.atelier.governance.workspace.ReviewSettings;

/**
 * Where a decision leads an asset in review: a rejection or a request for changes takes effect at once; an
 * approval only when the round has as many distinct approvers as the workspace requires.
 */
public final class ReviewRules {

    private ReviewRules() {
    }

    /**
     * @param approvalsInRound the approvals of this round, the one being recorded included
     */
    public static AssetState after(Verdict verdict, int approvalsInRound, ReviewSettings settings) {
        return switch (verdict) {
            case REJECT -> AssetState.REJECTED;
            case REQUEST_CHANGES -> AssetState.CHANGES_REQUESTED;
            case APPROVE -> approvalsInRound >= settings.requiredApprovals() ? AssetState.APPROVED
                    : AssetState.IN_REVIEW;
        };
    }

    /** Whether the workspace's rules let this reviewer decide about an asset they generated or submitted. */
    public static boolean isSelfReview(String reviewer, String assetRequester, String reviewRequester) {
        return reviewer.equals(assetRequester) || reviewer.equals(reviewRequester);
    }
}
