package com.atelier.governance.generation;

import java.util.List;

/**
 * The models the portal offers and their limits. A port: integrations answers from the inference client's model
 * contracts, so that a request is refused before it is queued, with the same rules the GPU side enforces.
 */
public interface ModelCatalogue {

    /** The text-to-image models that can be asked for. */
    List<String> textToImageModels();

    /** Everything wrong with the spec for this model (unknown model included), each phrased as what to change. */
    List<String> violations(String model, GenerationSpec spec);
}
