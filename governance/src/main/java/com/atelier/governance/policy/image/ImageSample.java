package com.atelier.governance.policy.image;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * A PNG decoded to a small grid of pixels (about {@value #GRID}×{@value #GRID}, every n-th pixel of every n-th
 * row), which is all the image checks need: dominant colours and brightness spread do not change with resolution,
 * and sampling while decoding keeps a 1024² check within a few milliseconds. Renders' usual formats take a fast
 * path ({@link PngRows}); any other PNG is decoded by ImageIO with the same subsampling.
 */
public final class ImageSample {

    /** Samples per side. */
    public static final int GRID = 64;
    /** Larger images are refused before decoding, so a crafted header cannot make us allocate gigabytes. */
    public static final long MAX_PIXELS = 64L * 1024 * 1024;

    private final PngHeader header;
    private final int[] argb;
    private final int columns;

    private ImageSample(PngHeader header, int[] argb, int columns) {
        this.header = header;
        this.argb = argb;
        this.columns = columns;
    }

    /**
     * Decodes the PNG's sample grid.
     *
     * @throws UnreadableImageException when the bytes are not a PNG ImageIO can decode, or it is too large
     */
    public static ImageSample of(byte[] png) {
        return of(png, true);
    }

    /** With {@code fastPath == false}, always through ImageIO (tests compare the two). */
    static ImageSample of(byte[] png, boolean fastPath) {
        PngHeader header = PngHeader.read(png)
                .orElseThrow(() -> new UnreadableImageException("the data is not a PNG (no PNG signature and IHDR"
                        + " header)"));
        if ((long) header.width() * header.height() > MAX_PIXELS) {
            throw new UnreadableImageException("the PNG declares " + header.width() + "×" + header.height()
                    + " pixels, more than the " + MAX_PIXELS + " the checks decode");
        }
        int stepX = Math.max(1, header.width() / GRID);
        int stepY = Math.max(1, header.height() / GRID);
        Optional<int[]> fast = fastPath ? PngRows.sample(png, stepX, stepY) : Optional.empty();
        if (fast.isPresent()) {
            return new ImageSample(header, fast.get(), (header.width() + stepX - 1) / stepX);
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
        if (!readers.hasNext()) {
            throw new IllegalStateException("This JVM has no PNG reader (javax.imageio).");
        }
        ImageReader reader = readers.next();
        // A memory-cached stream: ImageIO's default would spill to temporary files.
        try (var in = new MemoryCacheImageInputStream(new ByteArrayInputStream(png))) {
            reader.setInput(in, true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(stepX, stepY, 0, 0);
            BufferedImage image = reader.read(0, param);
            int w = image.getWidth();
            int h = image.getHeight();
            return new ImageSample(header, image.getRGB(0, 0, w, h, null, 0, w), w);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableImageException("the PNG could not be decoded (" + e.getMessage() + ")", e);
        } finally {
            reader.dispose();
        }
    }

    /** The size the PNG declares. */
    public PngHeader header() {
        return header;
    }

    /** The sampled pixels, packed 0xAARRGGBB, row by row. */
    public int[] argb() {
        return argb.clone();
    }

    int[] pixels() {
        return argb;
    }

    public int columns() {
        return columns;
    }

    /** The standard deviation of the samples' luma (Rec. 709, 0..255): near zero for a blank image. */
    public double lumaDeviation() {
        double sum = 0;
        double sumSquares = 0;
        for (int p : argb) {
            double y = 0.2126 * ((p >> 16) & 0xFF) + 0.7152 * ((p >> 8) & 0xFF) + 0.0722 * (p & 0xFF);
            sum += y;
            sumSquares += y * y;
        }
        double mean = sum / argb.length;
        return Math.sqrt(Math.max(0, sumSquares / argb.length - mean * mean));
    }

    /** The share of samples that are mostly transparent (alpha below one half). */
    public double transparentShare() {
        int transparent = 0;
        for (int p : argb) {
            if ((p >>> 24) < 128) {
                transparent++;
            }
        }
        return (double) transparent / argb.length;
    }
}
