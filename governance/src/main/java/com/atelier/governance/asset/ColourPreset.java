package com.atelier.governance.asset;

import com.atelier.governance.failure.InvalidInputException;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;

/**
 * The colour presets of the export pipeline: fixed per-channel transforms a brand team applies to an approved
 * image (warm, cool, monochrome, high contrast). Deterministic, so the same preset on the same asset gives the same
 * bytes.
 */
public enum ColourPreset {
    WARM {
        @Override
        int[] apply(int r, int g, int b) {
            return new int[]{r * 110 / 100, g * 102 / 100, b * 88 / 100};
        }
    },
    COOL {
        @Override
        int[] apply(int r, int g, int b) {
            return new int[]{r * 90 / 100, g * 100 / 100, b * 112 / 100};
        }
    },
    MONOCHROME {
        @Override
        int[] apply(int r, int g, int b) {
            int y = (r * 2126 + g * 7152 + b * 722) / 10000;
            return new int[]{y, y, y};
        }
    },
    HIGH_CONTRAST {
        @Override
        int[] apply(int r, int g, int b) {
            return new int[]{contrast(r), contrast(g), contrast(b)};
        }

        private int contrast(int c) {
            return (c - 128) * 135 / 100 + 128;
        }
    };

    abstract int[] apply(int r, int g, int b);

    /** The preset a request names, e.g. {@code warm} or {@code high-contrast}. */
    public static ColourPreset named(String name) {
        String key = name == null ? "" : name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(p -> p.name().equals(key)).findFirst()
                .orElseThrow(() -> new InvalidInputException("preset", "preset is one of "
                        + Arrays.stream(values()).map(p -> p.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList()
                        + "."));
    }

    /** A new RGB image with the preset applied to every pixel. */
    public BufferedImage applyTo(BufferedImage source) {
        int width = source.getWidth();
        int height = source.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            source.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int p = row[x];
                int[] c = apply((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff);
                row[x] = clamp(c[0]) << 16 | clamp(c[1]) << 8 | clamp(c[2]);
            }
            out.setRGB(0, y, width, 1, row, 0, width);
        }
        return out;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
