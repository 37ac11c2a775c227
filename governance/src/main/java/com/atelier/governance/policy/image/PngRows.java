package com.atelier.governance.policy.image;

import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A fast path for the PNGs renders come as (8-bit RGB or RGBA, grey or grey+alpha, not interlaced): inflates the
 * image data row by row, undoes the row filters, and keeps only every n-th pixel of every n-th row. It reads the
 * same samples ImageIO's subsampling would, about twice as fast, because nothing but two rows is ever held.
 * Other PNGs (palette, 16-bit, interlaced) are left to ImageIO.
 */
final class PngRows {

    private PngRows() {
    }

    /**
     * The sampled pixels, packed 0xAARRGGBB row by row, or empty when this PNG is not one the fast path reads.
     *
     * @throws UnreadableImageException when the image data is truncated or corrupt
     */
    static Optional<int[]> sample(byte[] png, int stepX, int stepY) {
        int width = PngHeader.readInt(png, 16);
        int height = PngHeader.readInt(png, 20);
        int bitDepth = png[24] & 0xFF;
        int colourType = png[25] & 0xFF;
        int interlace = png[28] & 0xFF;
        int channels = switch (colourType) {
            case 0 -> 1;
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> 0;
        };
        if (bitDepth != 8 || channels == 0 || interlace != 0) {
            return Optional.empty();
        }
        int columns = (width + stepX - 1) / stepX;
        int rows = (height + stepY - 1) / stepY;
        int[] argb = new int[columns * rows];
        int stride = width * channels;
        byte[] previous = new byte[stride];
        byte[] current = new byte[stride];
        byte[] filter = new byte[1];
        Inflater inflater = new Inflater();
        try {
            var chunks = new IdatChunks(png, inflater);
            for (int y = 0; y < height; y++) {
                chunks.inflateFully(filter);
                chunks.inflateFully(current);
                unfilter(filter[0], current, previous, channels);
                if (y % stepY == 0) {
                    int base = (y / stepY) * columns;
                    for (int c = 0; c < columns; c++) {
                        argb[base + c] = pixel(current, c * stepX * channels, channels);
                    }
                }
                byte[] swap = previous;
                previous = current;
                current = swap;
            }
            return Optional.of(argb);
        } catch (DataFormatException e) {
            throw new UnreadableImageException("the PNG image data is corrupt (" + e.getMessage() + ")", e);
        } finally {
            inflater.end();
        }
    }

    private static int pixel(byte[] row, int at, int channels) {
        return switch (channels) {
            case 1 -> 0xFF000000 | grey(row[at] & 0xFF);
            case 2 -> ((row[at + 1] & 0xFF) << 24) | grey(row[at] & 0xFF);
            case 3 -> 0xFF000000 | ((row[at] & 0xFF) << 16) | ((row[at + 1] & 0xFF) << 8) | (row[at + 2] & 0xFF);
            default -> ((row[at + 3] & 0xFF) << 24) | ((row[at] & 0xFF) << 16) | ((row[at + 1] & 0xFF) << 8)
                    | (row[at + 2] & 0xFF);
        };
    }

    private static int grey(int v) {
        return (v << 16) | (v << 8) | v;
    }

    /** Undoes one row's filter (PNG spec, section 9), in place. */
    private static void unfilter(byte type, byte[] row, byte[] previous, int bpp) {
        int n = row.length;
        switch (type) {
            case 0 -> {
            }
            case 1 -> {
                for (int i = bpp; i < n; i++) {
                    row[i] += row[i - bpp];
                }
            }
            case 2 -> {
                for (int i = 0; i < n; i++) {
                    row[i] += previous[i];
                }
            }
            case 3 -> {
                for (int i = 0; i < bpp; i++) {
                    row[i] += (previous[i] & 0xFF) >>> 1;
                }
                for (int i = bpp; i < n; i++) {
                    row[i] += ((row[i - bpp] & 0xFF) + (previous[i] & 0xFF)) >>> 1;
                }
            }
            case 4 -> {
                for (int i = 0; i < bpp; i++) {
                    row[i] += previous[i];
                }
                for (int i = bpp; i < n; i++) {
                    int a = row[i - bpp] & 0xFF;
                    int b = previous[i] & 0xFF;
                    int c = previous[i - bpp] & 0xFF;
                    int pa = Math.abs(b - c);
                    int pb = Math.abs(a - c);
                    int pc = Math.abs(a + b - 2 * c);
                    row[i] += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
                }
            }
            default -> throw new UnreadableImageException("the PNG uses an unknown row filter (" + type + ")");
        }
    }

    /** Feeds the IDAT chunks to the inflater one after the other, without copying them. */
    private static final class IdatChunks {
        private final byte[] png;
        private final Inflater inflater;
        private int next = 8;

        IdatChunks(byte[] png, Inflater inflater) {
            this.png = png;
            this.inflater = inflater;
        }

        void inflateFully(byte[] into) throws DataFormatException {
            int filled = 0;
            while (filled < into.length) {
                int n = inflater.inflate(into, filled, into.length - filled);
                filled += n;
                if (n == 0) {
                    if (inflater.finished()) {
                        throw new UnreadableImageException("the PNG image data ends before the last row");
                    }
                    if (inflater.needsDictionary()) {
                        throw new UnreadableImageException("the PNG image data asks for a preset dictionary");
                    }
                    if (inflater.needsInput() && !feed()) {
                        throw new UnreadableImageException("the PNG is truncated");
                    }
                }
            }
        }

        private boolean feed() {
            while (next + 8 <= png.length) {
                int length = PngHeader.readInt(png, next);
                int type = PngHeader.readInt(png, next + 4);
                int data = next + 8;
                if (length < 0 || data + length > png.length) {
                    return false;
                }
                next = data + length + 4; // skip the CRC
                if (type == 0x49444154) { // "IDAT"
                    inflater.setInput(png, data, length);
                    return true;
                }
                if (type == 0x49454E44) { // "IEND"
                    return false;
                }
            }
            return false;
        }
    }
}
