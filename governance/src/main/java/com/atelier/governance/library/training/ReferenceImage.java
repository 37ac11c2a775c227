package com.atelier.governance.library.training;

import com.atelier.governance.failure.InvalidInputException;

import com.atelier.governance.imaging.BoundedImageDecoder;
import com.atelier.governance.imaging.DecodedImage;
import com.atelier.governance.imaging.ImageLimits;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A reference image for training, decoded by the {@link BoundedImageDecoder}: a real PNG or JPEG, not a renamed
 * file, with both sides between {@value #MIN_SIDE} and {@value #MAX_SIDE} pixels, and a set of them within
 * {@link #MAX_TOTAL_PIXELS}.
 */
public record ReferenceImage(byte[] bytes, String format, BufferedImage image) {

    public static final int MIN_IMAGES = 10;
    public static final int MAX_IMAGES = 30;
    public static final int MIN_SIDE = 256;
    public static final int MAX_SIDE = 8192;
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    /** All images of a run together, decoded at once: 30 images of 2048² (about 500 MB of pixels). */
    public static final long MAX_TOTAL_PIXELS = 30L * 2048 * 2048;
    static final ImageLimits LIMITS = new ImageLimits(MAX_BYTES, MIN_SIDE, MAX_SIDE, (long) MAX_SIDE * MAX_SIDE,
            ImageLimits.PNG_OR_JPEG);

    /** Decodes and checks a set of reference images; refusals name the image by its position (images[3]). */
    public static List<ReferenceImage> decodeAll(List<byte[]> files) {
        if (files == null || files.size() < MIN_IMAGES || files.size() > MAX_IMAGES) {
            throw new InvalidInputException("images", "A training run needs " + MIN_IMAGES + " to " + MAX_IMAGES
                    + " reference images (got " + (files == null ? 0 : files.size()) + ").");
        }
        // every header first: the set as a whole must fit in memory before one image of it is decoded
        long pixels = 0;
        for (int i = 0; i < files.size(); i++) {
            DecodedImage header = BoundedImageDecoder.inspect("images[" + i + "]", files.get(i), LIMITS);
            pixels += (long) header.width() * header.height();
        }
        if (pixels > MAX_TOTAL_PIXELS) {
            throw new InvalidInputException("images", "The reference images hold " + pixels + " pixels together;"
                    + " a training run takes at most " + MAX_TOTAL_PIXELS + " (e.g. 30 images of 2048x2048).");
        }
        List<ReferenceImage> images = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            images.add(decode("images[" + i + "]", files.get(i)));
        }
        return images;
    }

    /**
     * Checks one image as it arrives (format, bytes, sides, from its header), so a form collecting images one at a
     * time keeps none that a run would refuse.
     */
    public static void check(String field, byte[] bytes) {
        BoundedImageDecoder.inspect(field, bytes, LIMITS);
    }

    static ReferenceImage decode(String field, byte[] bytes) {
        DecodedImage decoded = BoundedImageDecoder.decode(field, bytes, LIMITS);
        return new ReferenceImage(bytes, decoded.format(), decoded.pixels());
    }
}
