package com.atelier.governance.policy;

import com.atelier.governance.policy.image.ImageFormatCheck;
import com.atelier.governance.policy.image.PaletteCheck;
import com.atelier.governance.policy.image.PaletteReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The brand checks on a rendered image, for the render chain to run before an image becomes an asset: it must be a
 * PNG of the requested size that is not blank, and its colours must be near the workspace's brand palette (skipped
 * when the palette is empty). The image is decoded once for all of them.
 */
public final class BrandOutputCheck {

    private BrandOutputCheck() {
    }

    /** The outcome: reasons to block the image (empty when it is fine) and the palette report when one was made. */
    public record Outcome(List<String> reasons, Optional<PaletteReport> palette, int policyVersion) {
        public Outcome {
            reasons = List.copyOf(reasons);
        }

        public boolean passed() {
            return reasons.isEmpty();
        }
    }

    /** The checks under a policy the caller has read already (one read for all images of a job). */
    public static Outcome check(VersionedBrandPolicy current, byte[] png, int expectedWidth, int expectedHeight) {
        ImageFormatCheck.Inspection inspection = ImageFormatCheck.inspect(png, expectedWidth, expectedHeight);
        List<String> reasons = new ArrayList<>(inspection.reasons());
        Optional<PaletteReport> palette = inspection.sample()
                .filter(sample -> !current.policy().palette().isEmpty())
                .map(sample -> new PaletteCheck(current.policy().palette(), current.policy().paletteThreshold())
                        .check(sample));
        palette.filter(PaletteReport::offBrand).ifPresent(report -> reasons.add(report.reason()));
        return new Outcome(reasons, palette, current.version());
    }
}
