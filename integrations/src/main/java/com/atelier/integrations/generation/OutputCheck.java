package com.atelier.integrations.generation;

import com.atelier.inference.image.SafetyScores;
import com.atelier.integrations.inference.TritonConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks every rendered image with Triton's safety classifier before it becomes an asset; an image scoring at or
 * above the threshold in any category is stored but BLOCKED, with the scores as the reason.
 */
@ApplicationScoped
public class OutputCheck {

    private TritonConnection triton;
    private float threshold;

    protected OutputCheck() {
        // for CDI proxies
    }

    @Inject
    public OutputCheck(TritonConnection triton,
                       @ConfigProperty(name = "atelier.safety.block-threshold", defaultValue = "0.9") float threshold) {
        this.triton = triton;
        this.threshold = threshold;
    }

    public Optional<String> blockedReason(byte[] png) {
        SafetyScores scores = triton.client().checkSafety(png, Duration.ofSeconds(30));
        Map<String, Float> over = scores.byCategory().entrySet().stream()
                .filter(e -> e.getValue() >= threshold)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (over.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("safety classifier scored " + over + " (block threshold " + threshold + ")");
    }
}
