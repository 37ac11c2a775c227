package com.atelier.governance.policy.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks that a rendered image is what was asked for: a PNG, of the requested size, and not blank (a uniform or
 * fully transparent image is what a failed render usually looks like). Each problem is a sentence for reviewers.
 */
public final class ImageFormatCheck {

    /** Luma standard deviation (0..255) under which an image counts as uniform. */
    static final double UNIFORM_DEVIATION = 1.0;

    private ImageFormatCheck() {
    }

    /** The problems found, and the decoded sample when the PNG could be decoded (for further checks). */
    public record Inspection(List<String> reasons, Optional<ImageSample> sample) {
        public Inspection {
            reasons = List.copyOf(reasons);
        }
    }

    /** The problems with the PNG; empty when it is fine. */
    public static List<String> reasons(byte[] png, int expectedWidth, int expectedHeight) {
        return inspect(png, expectedWidth, expectedHeight).reasons();
    }

    /** Checks the PNG, decoding it once; the sample can then go to the palette check. */
    public static Inspection inspect(byte[] png, int expectedWidth, int expectedHeight) {
        if (png == null || png.length == 0) {
            return new Inspection(List.of("The image is empty (0 bytes)."), Optional.empty());
        }
        if (!PngHeader.hasSignature(png)) {
            return new Inspection(List.of("The image is not a PNG: its first bytes are not the PNG signature."),
                    Optional.empty());
        }
        Optional<PngHeader> header = PngHeader.read(png);
        if (header.isEmpty()) {
            return new Inspection(List.of("The PNG has no valid IHDR header."), Optional.empty());
        }
        List<String> reasons = new ArrayList<>(sizeReasons(header.get(), expectedWidth, expectedHeight));
        try {
            ImageSample sample = ImageSample.of(png);
            reasons.addAll(contentReasons(sample));
            return new Inspection(reasons, Optional.of(sample));
        } catch (UnreadableImageException e) {
            reasons.add("The PNG cannot be decoded: " + e.getMessage() + ".");
            return new Inspection(reasons, Optional.empty());
        }
    }

    static List<String> sizeReasons(PngHeader header, int expectedWidth, int expectedHeight) {
        if (header.width() == expectedWidth && header.height() == expectedHeight) {
            return List.of();
        }
        return List.of("The image is " + header.width() + "×" + header.height() + " pixels; " + expectedWidth + "×"
                + expectedHeight + " was requested.");
    }

    /** Blank-image checks on an already decoded sample. */
    static List<String> contentReasons(ImageSample sample) {
        List<String> reasons = new ArrayList<>();
        if (sample.transparentShare() > 0.99) {
            reasons.add("The image is fully transparent.");
        }
        double deviation = sample.lumaDeviation();
        if (deviation < UNIFORM_DEVIATION) {
            reasons.add(String.format(Locale.ROOT, "The image is uniform (brightness standard deviation %.2f of 255):"
                    + " probably a blank or failed render.", deviation));
        }
        return reasons;
    }
}
