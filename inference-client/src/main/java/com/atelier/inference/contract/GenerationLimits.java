package com.atelier.inference.contract;

import java.util.List;

/**
 * The parameter ranges a text-to-image pipeline accepts, checked on the client so that a bad request
 * fails with an actionable message before anything is sent to a GPU.
 *
 * @param sizeMultiple width and height must be multiples of this (VAE factor × patch size)
 * @param schedulers   the scheduler names the pipeline implements; the first is the default
 */
public record GenerationLimits(
        int sizeMultiple,
        int minSide,
        int maxSide,
        int minSteps,
        int maxSteps,
        int defaultSteps,
        float minGuidance,
        float maxGuidance,
        float defaultGuidance,
        int maxCount,
        int maxLoras,
        float maxLoraWeight,
        List<String> schedulers) {

    public GenerationLimits {
        schedulers = List.copyOf(schedulers);
    }

    public String defaultScheduler() {
        return schedulers.get(0);
    }
}
