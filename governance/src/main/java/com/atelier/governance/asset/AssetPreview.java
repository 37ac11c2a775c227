package com.atelier.governance.asset;

import javax.imageio.ImageIO;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The working copy people see inside the portal before an asset is approved: the image scaled down so its longer
 * side is at most {@link #MAX_SIDE} pixels. Full resolution leaves the portal only once approved.
 */
public final class AssetPreview {

    public static final int MAX_SIDE = 512;

    private AssetPreview() {
    }

    /** The image itself when it is small enough already, otherwise a scaled PNG. */
    public static byte[] of(byte[] image) {
        try {
            BufferedImage source = ImageIO.read(new ByteArrayInputStream(image));
            if (source == null) {
                throw new IllegalArgumentException("the stored asset is not a readable image");
            }
            int longer = Math.max(source.getWidth(), source.getHeight());
            if (longer <= MAX_SIDE) {
                return image;
            }
            int width = Math.max(1, source.getWidth() * MAX_SIDE / longer);
            int height = Math.max(1, source.getHeight() * MAX_SIDE / longer);
            BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            var graphics = scaled.createGraphics();
            try {
                graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                graphics.drawImage(source, 0, 0, width, height, null);
            } finally {
                graphics.dispose();
            }
            var out = new ByteArrayOutputStream();
            ImageIO.write(scaled, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
