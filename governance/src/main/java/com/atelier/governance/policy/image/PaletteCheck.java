package com.atelier.governance.policy.image;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Judges an image against a brand palette: finds its dominant colours ({@link DominantColours}), measures each
 * against the nearest palette colour with CIEDE2000, and calls the image off-brand when the share-weighted mean
 * distance exceeds the threshold. An empty palette skips the check.
 */
public final class PaletteCheck {

    private final List<String> palette;
    private final List<Lab> paletteLab;
    private final double threshold;

    /**
     * @param palette   brand colours as #rrggbb; empty to skip the check
     * @param threshold the mean ΔE00 above which an image is off-brand
     */
    public PaletteCheck(List<String> palette, double threshold) {
        this.palette = palette.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        this.paletteLab = this.palette.stream().map(Lab::ofHex).toList();
        this.threshold = threshold;
    }

    public PaletteReport check(byte[] png) {
        return check(ImageSample.of(png));
    }

    public PaletteReport check(ImageSample sample) {
        if (paletteLab.isEmpty()) {
            return PaletteReport.skipped(threshold, "No brand palette is set for this workspace; the palette check"
                    + " was skipped.");
        }
        List<DominantColours.Cluster> clusters = DominantColours.of(sample);
        if (clusters.isEmpty()) {
            return PaletteReport.skipped(threshold, "The image has no opaque pixels; the palette check was skipped.");
        }
        List<PaletteReport.DominantColour> colours = new ArrayList<>();
        double mean = 0;
        for (DominantColours.Cluster cluster : clusters) {
            int nearest = 0;
            double nearestDistance = Double.MAX_VALUE;
            for (int i = 0; i < paletteLab.size(); i++) {
                double d = CieDe2000.difference(cluster.colour(), paletteLab.get(i));
                if (d < nearestDistance) {
                    nearestDistance = d;
                    nearest = i;
                }
            }
            colours.add(new PaletteReport.DominantColour(cluster.colour().hex(), round(cluster.share(), 4),
                    palette.get(nearest), round(nearestDistance, 2)));
            mean += cluster.share() * nearestDistance;
        }
        boolean offBrand = mean > threshold;
        return new PaletteReport(false, colours, round(mean, 2), threshold, offBrand, reason(colours, mean, offBrand));
    }

    private String reason(List<PaletteReport.DominantColour> colours, double mean, boolean offBrand) {
        if (!offBrand) {
            return String.format(Locale.ROOT, "On brand: the dominant colours are on average ΔE2000 %.1f from the"
                    + " brand palette (threshold %.1f).", mean, threshold);
        }
        // The colours that contribute most to the mean are what a reviewer should look at.
        String worst = colours.stream()
                .sorted(Comparator.comparingDouble((PaletteReport.DominantColour c) -> c.share() * c.deltaE()).reversed())
                .limit(3)
                .map(c -> String.format(Locale.ROOT, "%s (%.0f %% of the image, ΔE %.1f from %s)", c.hex(),
                        c.share() * 100, c.deltaE(), c.nearestPaletteColour()))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "Off brand: the dominant colours are on average ΔE2000 %.1f from the brand"
                + " palette, above the threshold %.1f. Furthest: %s.", mean, threshold, worst);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
