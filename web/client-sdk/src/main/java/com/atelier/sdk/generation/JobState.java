package com.atelier.sdk.generation;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Where a job is: {@code QUEUED -> RUNNING -> SUCCEEDED | FAILED}, or {@code CANCELLED} while queued. */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED,
    /** A state this SDK does not know yet (a newer server); treated as unfinished. */
    @JsonEnumDefaultValue
    UNKNOWN;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
