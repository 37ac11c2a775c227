package com.atelier.integrations.inference;

import com.atelier.governance.render.SafetyClassifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;

/** The {@link SafetyClassifier} port over Triton's safety model. */
@ApplicationScoped
public class TritonSafetyClassifier implements SafetyClassifier {

    private static final Duration CALL_DEADLINE = Duration.ofSeconds(30);

    private TritonConnection triton;

    protected TritonSafetyClassifier() {
        // for CDI proxies
    }

    @Inject
    public TritonSafetyClassifier(TritonConnection triton) {
        this.triton = triton;
    }

    @Override
    public Map<String, Float> scores(byte[] png) {
        return triton.client().checkSafety(png, CALL_DEADLINE).byCategory();
    }
}
