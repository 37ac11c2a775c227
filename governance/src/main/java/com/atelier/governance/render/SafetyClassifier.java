package com.atelier.governance.render;

import java.util.Map;

/**
 * The image safety classifier: a port that integrations implements over Triton's safety model. It only scores;
 * {@link SafetyThreshold} decides what the scores mean.
 */
public interface SafetyClassifier {

    /** A score in [0, 1] per category (e.g. "nsfw", "violence") for the encoded image. */
    Map<String, Float> scores(byte[] png);
}
