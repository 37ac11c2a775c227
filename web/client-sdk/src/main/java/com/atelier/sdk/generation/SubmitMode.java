package com.atelier.sdk.generation;

import java.util.Locale;

/**
 * {@code ASYNC} answers at once with a queued job; {@code SYNC} makes the server wait for the images (up to its
 * 60 s deadline, after which it answers with the unfinished job as ASYNC would).
 */
public enum SubmitMode {
    ASYNC, SYNC;

    public String queryValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
