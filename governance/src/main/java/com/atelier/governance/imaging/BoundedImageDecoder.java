package com.atelier.governance.imaging;

import com.atelier.governance.failure.InvalidInputException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one way the portal decodes an image it did not draw itself: the format is recognised from the content, the
 * declared size is read from the header, and only an image within its {@link ImageLimits} is decoded. A refusal
 * is an {@link InvalidInputException} naming the request field, so the API answers 400 and nothing is kept.
 */
public final class BoundedImageDecoder {

    private BoundedImageDecoder() {
    }

    /** The format and size the image declares, checked against the limits; no pixel is decoded. */
    public static DecodedImage inspect(String field, byte[] bytes, ImageLimits limits) {
        return read(field, bytes, limits, false);
    }

    /** Decodes the image, or refuses it, naming {@code field}, before a pixel is decoded. */
    public static DecodedImage decode(String field, byte[] bytes, ImageLimits limits) {
        return read(field, bytes, limits, true);
    }

    private static DecodedImage read(String field, byte[] bytes, ImageLimits limits, boolean pixels) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException(field, "The image is empty.");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new InvalidInputException(field, "The image is " + bytes.length + " bytes; the limit is "
                    + limits.maxBytes() + ".");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidInputException(field, "Not an image ImageIO can read; send " + accepted(limits)
                        + " files.");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!limits.formats().contains(format)) {
                    throw new InvalidInputException(field, "The image is " + format + "; send " + accepted(limits)
                            + " files.");
                }
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                checkSize(field, width, height, limits);
                return new DecodedImage(format, width, height, pixels ? reader.read(0) : null);
            } finally {
                reader.dispose();
            }
        } catch (InvalidInputException refused) {
            throw refused;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(field, "The image cannot be decoded (" + e.getMessage() + ").");
        }
    }

    private static void checkSize(String field, int width, int height, ImageLimits limits) {
        if (Math.min(width, height) < limits.minSide() || Math.max(width, height) > limits.maxSide()) {
            throw new InvalidInputException(field, "The image is " + width + "x" + height + " pixels; both sides"
                    + " must be between " + limits.minSide() + " and " + limits.maxSide() + ".");
        }
        if ((long) width * height > limits.maxPixels()) {
            throw new InvalidInputException(field, "The image is " + width + "x" + height + " pixels, more than the "
                    + limits.maxPixels() + " pixels allowed.");
        }
    }

    private static String accepted(ImageLimits limits) {
        return limits.formats().stream().map(f -> f.toUpperCase(Locale.ROOT))
                .collect(Collectors.joining(" or "));
    }
}
