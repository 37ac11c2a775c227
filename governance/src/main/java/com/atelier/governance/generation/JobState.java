package com.atelier.governance.generation;

/** Where a generation job is in its life; SUCCEEDED, FAILED and CANCELLED are final. */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
