package com.atelier.governance.provenance;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Small real images encoded by javax.imageio. */
final class TestImages {

    private TestImages() {
    }

    static byte[] png(int size) {
        return encode(picture(size), "png");
    }

    static byte[] jpeg(int size) {
        return encode(picture(size), "jpeg");
    }

    static BufferedImage picture(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x1d3557), size, size, new Color(0xe63946)));
        g.fillRect(0, 0, size, size);
        g.setColor(new Color(0xf1faee));
        g.fillOval(size / 4, size / 4, size / 2, size / 2);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
