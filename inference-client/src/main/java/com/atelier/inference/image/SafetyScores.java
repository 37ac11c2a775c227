package com.atelier.inference.image;

import java.util.Map;

/** The safety classifier's score in [0, 1] per category (see ModelCatalog.SAFETY_CATEGORIES). */
public record SafetyScores(Map<String, Float> byCategory) {

    public SafetyScores {
        byCategory = Map.copyOf(byCategory);
    }

    public float highest() {
        return byCategory.values().stream().max(Float::compare).orElse(0f);
    }
}
