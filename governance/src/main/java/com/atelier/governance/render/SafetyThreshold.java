package com.atelier.governance.render;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rule on the safety classifier's scores: an image scoring at or above the block threshold in any category is
 * blocked, with the offending scores as the reason. The image is still stored, so reviewers and compliance staff can
 * see what was blocked.
 */
@ApplicationScoped
public class SafetyThreshold {

    private float threshold;

    protected SafetyThreshold() {
        // for CDI proxies
    }

    @Inject
    public SafetyThreshold(@ConfigProperty(name = "atelier.safety.block-threshold", defaultValue = "0.9")
                           float threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("atelier.safety.block-threshold must be in (0, 1], was " + threshold);
        }
        this.threshold = threshold;
    }

    public Optional<String> blockedReason(Map<String, Float> scores) {
        Map<String, Float> over = new TreeMap<>();
        scores.forEach((category, score) -> {
            if (score >= threshold) {
                over.put(category, score);
            }
        });
        if (over.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("safety classifier scored " + over + " (block threshold " + threshold + ")");
    }
}
