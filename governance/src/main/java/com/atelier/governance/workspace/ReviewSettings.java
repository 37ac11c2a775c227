package com.atelier.governance.workspace;

import com.atelier.governance.failure.InvalidInputException;

/**
 * How a workspace approves assets: how many distinct approvers an asset needs in one review round, and whether
 * the person who generated or submitted it may be one of them.
 */
public record ReviewSettings(int requiredApprovals, boolean selfApprovalAllowed) {

    public static final int MAX_APPROVALS = 5;

    public ReviewSettings {
        if (requiredApprovals < 1 || requiredApprovals > MAX_APPROVALS) {
            throw new InvalidInputException("requiredApprovals", "requiredApprovals must be between 1 and "
                    + MAX_APPROVALS + " (was " + requiredApprovals + ").");
        }
    }
}
