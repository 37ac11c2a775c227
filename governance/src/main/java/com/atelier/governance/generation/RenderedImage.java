package com.atelier.governance.generation;

import java.util.Optional;

/**
 * One image a worker rendered and stored for a job: which model made it, at which position of the job's batch,
 * where its bytes are, why the output check blocked it, if it did, and its share of the GPU time.
 */
public record RenderedImage(String model, String modelVersion, int position, long seed, String contentHash,
                            String mediaType, int width, int height, Optional<String> blockedReason, long gpuMillis) {
}
