package com.atelier.governance.policy.image;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A colour in CIE L*a*b* (D65 white, 2° observer), the space in which colour differences are measured. Converts
 * from and to 8-bit sRGB.
 */
public record Lab(double l, double a, double b) {

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final double XN = 0.95047;
    private static final double YN = 1.0;
    private static final double ZN = 1.08883;
    private static final double DELTA = 6.0 / 29.0;
    /** sRGB component (0..255) to linear light, computed once. */
    private static final double[] LINEAR = linearTable();

    /** Whether the text is a colour written #rrggbb. */
    public static boolean isHex(String text) {
        return text != null && HEX.matcher(text).matches();
    }

    public static Lab ofHex(String hex) {
        if (!isHex(hex)) {
            throw new IllegalArgumentException("A colour is written #rrggbb, e.g. #e30613 (was '" + hex + "').");
        }
        return ofRgb(Integer.parseInt(hex.substring(1), 16));
    }

    /** From a packed 0xRRGGBB (any alpha byte is ignored). */
    public static Lab ofRgb(int rgb) {
        double r = LINEAR[(rgb >> 16) & 0xFF];
        double g = LINEAR[(rgb >> 8) & 0xFF];
        double b = LINEAR[rgb & 0xFF];
        double x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        double z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
        double fx = f(x / XN);
        double fy = f(y / YN);
        double fz = f(z / ZN);
        return new Lab(116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz));
    }

    /** The nearest 8-bit sRGB colour, packed 0xRRGGBB; colours outside the sRGB gamut are clipped. */
    public int rgb() {
        double fy = (l + 16) / 116;
        double x = XN * fInverse(fy + a / 500);
        double y = YN * fInverse(fy);
        double z = ZN * fInverse(fy - b / 200);
        int r = encode(3.2404542 * x - 1.5371385 * y - 0.4985314 * z);
        int g = encode(-0.9692660 * x + 1.8760108 * y + 0.0415560 * z);
        int bl = encode(0.0556434 * x - 0.2040259 * y + 1.0572252 * z);
        return (r << 16) | (g << 8) | bl;
    }

    /** The nearest sRGB colour as #rrggbb. */
    public String hex() {
        return String.format(Locale.ROOT, "#%06x", rgb());
    }

    private static double f(double t) {
        return t > DELTA * DELTA * DELTA ? Math.cbrt(t) : t / (3 * DELTA * DELTA) + 4.0 / 29.0;
    }

    private static double fInverse(double t) {
        return t > DELTA ? t * t * t : 3 * DELTA * DELTA * (t - 4.0 / 29.0);
    }

    private static int encode(double linear) {
        double v = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }

    private static double[] linearTable() {
        double[] table = new double[256];
        for (int i = 0; i < 256; i++) {
            double v = i / 255.0;
            table[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return table;
    }
}
