package com.atelier.localtriton;

/** One model the local server runs on the CPU in place of its GPU pipeline. */
public interface ServedModel {

    /**
     * Decodes and validates the request's inputs; invalid ones fail at once with INVALID_ARGUMENT,
     * before the request waits for the simulated GPU.
     */
    Execution prepare(RequestTensors inputs);
}
