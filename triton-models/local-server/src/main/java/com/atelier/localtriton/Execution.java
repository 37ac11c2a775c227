package com.atelier.localtriton;

import com.atelier.inference.tensor.RawTensor;
import java.util.List;
import java.util.function.Supplier;

/**
 * A validated inference waiting to run: the CPU work producing its outputs, and whether the response
 * cache already holds them (then, as in Triton, the model is not executed and no GPU time is spent).
 */
public record Execution(Supplier<List<RawTensor>> outputs, boolean cacheHit) {
}
