package com.atelier.governance.inbox;

/** Why something landed in a user's inbox. */
public enum NoticeKind {
    REVIEW_REQUESTED, DECISION_MADE, MENTION
}
