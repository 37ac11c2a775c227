package com.atelier.inference.image;

/**
 * One image a text-to-image model produced: the PNG, the seed that reproduces it alone, and where and
 * how it was made.
 *
 * @param png          PNG bytes as the server encoded them (not copied; do not modify)
 * @param modelVersion the model version Triton reports having used
 * @param endpoint     the Triton endpoint ("host:port") that rendered it
 */
public record GeneratedImage(
        byte[] png,
        long seed,
        String model,
        String modelVersion,
        int width,
        int height,
        String endpoint,
        GenerationTimings timings) {
}
