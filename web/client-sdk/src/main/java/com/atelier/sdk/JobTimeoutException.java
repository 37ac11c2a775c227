package com.atelier.sdk;

import com.atelier.sdk.generation.Job;

import java.time.Duration;

/** A job was still unfinished when {@link Generations#awaitCompletion} gave up; the job keeps running. */
public class JobTimeoutException extends AtelierException {

    private final transient Job lastSeen;

    public JobTimeoutException(Job lastSeen, Duration waited) {
        super("Job " + lastSeen.id() + " is still " + lastSeen.state() + " after " + waited.toSeconds() + " s");
        this.lastSeen = lastSeen;
    }

    public Job lastSeen() {
        return lastSeen;
    }
}
