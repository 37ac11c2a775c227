package com.atelier.governance.review;

/** What a reviewer decides about an asset in review; rejecting or asking for changes needs a reason. */
public enum Verdict {
    APPROVE, REJECT, REQUEST_CHANGES;

    public boolean requiresComment() {
        return this != APPROVE;
    }
}
