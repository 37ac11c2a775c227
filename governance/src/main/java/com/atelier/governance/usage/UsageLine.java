package com.atelier.governance.usage;

import java.time.LocalDate;

/** One day of one model in a workspace: images made, how many were blocked, and the GPU time they took. */
public record UsageLine(LocalDate day, String model, long images, long blocked, double gpuSeconds) {
}
