package com.atelier.governance.policy.image;

import java.util.List;

/**
 * How far an image's colours are from the workspace's brand palette: each dominant colour with its share, the
 * nearest palette colour and the CIEDE2000 distance to it, the share-weighted mean distance, and the verdict
 * against the policy's threshold, with a sentence for reviewers.
 *
 * @param skipped true when the workspace has no palette (or the image has no opaque pixels): nothing was judged
 */
public record PaletteReport(boolean skipped, List<DominantColour> dominantColours, double meanDeltaE,
                            double threshold, boolean offBrand, String reason) {

    /** One dominant colour of the image. */
    public record DominantColour(String hex, double share, String nearestPaletteColour, double deltaE) {
    }

    public PaletteReport {
        dominantColours = List.copyOf(dominantColours);
    }

    public static PaletteReport skipped(double threshold, String reason) {
        return new PaletteReport(true, List.of(), 0, threshold, false, reason);
    }
}
