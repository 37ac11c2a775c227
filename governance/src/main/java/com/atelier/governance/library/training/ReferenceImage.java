package com.atelier.governance.library.training;

import com.atelier.governance.failure.InvalidInputException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A reference image for training that ImageIO has decoded: a real PNG or JPEG, not a renamed file, with both sides
 * between {@value #MIN_SIDE} and {@value #MAX_SIDE} pixels.
 */
public record ReferenceImage(byte[] bytes, String format, BufferedImage image) {

    public static final int MIN_IMAGES = 10;
    public static final int MAX_IMAGES = 30;
    public static final int MIN_SIDE = 256;
    public static final int MAX_SIDE = 8192;
    public static final int MAX_BYTES = 20 * 1024 * 1024;

    /** Decodes and checks a set of reference images; refusals name the image by its position (images[3]). */
    public static List<ReferenceImage> decodeAll(List<byte[]> files) {
        if (files == null || files.size() < MIN_IMAGES || files.size() > MAX_IMAGES) {
            throw new InvalidInputException("images", "A training run needs " + MIN_IMAGES + " to " + MAX_IMAGES
                    + " reference images (got " + (files == null ? 0 : files.size()) + ").");
        }
        List<ReferenceImage> images = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            images.add(decode("images[" + i + "]", files.get(i)));
        }
        return images;
    }

    static ReferenceImage decode(String field, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException(field, "The image is empty.");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException(field, "The image is " + bytes.length + " bytes; the limit is "
                    + MAX_BYTES + ".");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidInputException(field, "Not an image ImageIO can read; send PNG or JPEG files.");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!format.equals("png") && !format.equals("jpeg")) {
                    throw new InvalidInputException(field, "The image is " + format + "; send PNG or JPEG files.");
                }
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                // check the size before decoding, so a huge image cannot exhaust memory
                if (Math.min(width, height) < MIN_SIDE || Math.max(width, height) > MAX_SIDE) {
                    throw new InvalidInputException(field, "The image is " + width + "x" + height + " pixels; both"
                            + " sides must be between " + MIN_SIDE + " and " + MAX_SIDE + ".");
                }
                BufferedImage image = reader.read(0);
                return new ReferenceImage(bytes, format.equals("jpeg") ? "jpeg" : "png", image);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException(field, "The image cannot be decoded (" + e.getMessage() + ").");
        }
    }
}
