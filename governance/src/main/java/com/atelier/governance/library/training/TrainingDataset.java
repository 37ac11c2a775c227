package com.atelier.governance.library.training;

import javax.imageio.ImageIO;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Turns reference images into the dataset trainers such as kohya's sd-scripts read: each image scaled down to at
 * most {@value #MAX_SIDE} pixels on its longer side, as {@code NNN.png}, with a caption {@code NNN.txt} that holds
 * the trigger word. Packed as one zip with fixed entry times, so that the same images give the same bytes.
 */
public final class TrainingDataset {

    public static final int MAX_SIDE = 1024;
    private static final FileTime EPOCH = FileTime.fromMillis(0);

    private TrainingDataset() {
    }

    public static byte[] zip(List<BufferedImage> images, String triggerWord) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < images.size(); i++) {
                String name = String.format("%03d", i + 1);
                entry(zip, name + ".png", png(scaled(images.get(i))));
                entry(zip, name + ".txt", triggerWord.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The image with its longer side at most {@value #MAX_SIDE}; smaller images are left as they are. */
    static BufferedImage scaled(BufferedImage image) {
        int longer = Math.max(image.getWidth(), image.getHeight());
        if (longer <= MAX_SIDE) {
            return rgb(image, image.getWidth(), image.getHeight());
        }
        double factor = (double) MAX_SIDE / longer;
        return rgb(image, Math.max(1, (int) Math.round(image.getWidth() * factor)),
                Math.max(1, (int) Math.round(image.getHeight() * factor)));
    }

    private static BufferedImage rgb(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(EPOCH);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }
}
