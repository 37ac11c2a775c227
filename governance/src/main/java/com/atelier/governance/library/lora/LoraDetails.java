package com.atelier.governance.library.lora;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An adapter with everything its library page shows.
 *
 * @param usesByVersion generations per version number
 * @param compatibility per model: the mean stars of ratings given for that model, and how often it was used on it
 * @param myStars       the caller's own rating, if any
 * @param previews      the newest images of the caller's workspace made with the adapter, newest first
 */
public record LoraDetails(LoraAdapter adapter, List<LoraVersion> versions, Map<Integer, Long> usesByVersion,
                          List<ModelCompatibility> compatibility, Optional<Integer> myStars, List<UUID> previews) {

    /** How the adapter does on one model. */
    public record ModelCompatibility(String model, Double averageStars, long ratings, long uses) {
    }
}
