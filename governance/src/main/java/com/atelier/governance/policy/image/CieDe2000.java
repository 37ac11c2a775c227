package com.atelier.governance.policy.image;

/**
 * The CIEDE2000 colour difference (ΔE00, kL = kC = kH = 1), written after Sharma, Wu and Dalal, "The CIEDE2000
 * Color-Difference Formula: Implementation Notes, Supplementary Test Data, and Mathematical Observations" (Color
 * Research and Application 30(1), 2005), and tested with the paper's 34 pairs. About 1 is a just noticeable
 * difference; 10 and more reads as a different colour.
 */
public final class CieDe2000 {

    private static final double POW25_7 = Math.pow(25, 7);

    private CieDe2000() {
    }

    public static double difference(Lab first, Lab second) {
        double l1 = first.l();
        double a1 = first.a();
        double b1 = first.b();
        double l2 = second.l();
        double a2 = second.a();
        double b2 = second.b();

        double cBar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
        double cBar7 = Math.pow(cBar, 7);
        double g = 0.5 * (1 - Math.sqrt(cBar7 / (cBar7 + POW25_7)));
        double a1p = (1 + g) * a1;
        double a2p = (1 + g) * a2;
        double c1p = Math.hypot(a1p, b1);
        double c2p = Math.hypot(a2p, b2);
        double h1p = hueDegrees(a1p, b1);
        double h2p = hueDegrees(a2p, b2);

        double deltaLp = l2 - l1;
        double deltaCp = c2p - c1p;
        double deltahp;
        if (c1p * c2p == 0) {
            deltahp = 0;
        } else if (Math.abs(h2p - h1p) <= 180) {
            deltahp = h2p - h1p;
        } else if (h2p - h1p > 180) {
            deltahp = h2p - h1p - 360;
        } else {
            deltahp = h2p - h1p + 360;
        }
        double deltaHp = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(deltahp / 2));

        double lBarP = (l1 + l2) / 2;
        double cBarP = (c1p + c2p) / 2;
        double hBarP;
        if (c1p * c2p == 0) {
            hBarP = h1p + h2p;
        } else if (Math.abs(h1p - h2p) <= 180) {
            hBarP = (h1p + h2p) / 2;
        } else if (h1p + h2p < 360) {
            hBarP = (h1p + h2p + 360) / 2;
        } else {
            hBarP = (h1p + h2p - 360) / 2;
        }

        double t = 1 - 0.17 * cosDegrees(hBarP - 30) + 0.24 * cosDegrees(2 * hBarP)
                + 0.32 * cosDegrees(3 * hBarP + 6) - 0.20 * cosDegrees(4 * hBarP - 63);
        double deltaTheta = 30 * Math.exp(-Math.pow((hBarP - 275) / 25, 2));
        double cBarP7 = Math.pow(cBarP, 7);
        double rC = 2 * Math.sqrt(cBarP7 / (cBarP7 + POW25_7));
        double lMinus50Sq = (lBarP - 50) * (lBarP - 50);
        double sL = 1 + 0.015 * lMinus50Sq / Math.sqrt(20 + lMinus50Sq);
        double sC = 1 + 0.045 * cBarP;
        double sH = 1 + 0.015 * cBarP * t;
        double rT = -Math.sin(Math.toRadians(2 * deltaTheta)) * rC;

        double dL = deltaLp / sL;
        double dC = deltaCp / sC;
        double dH = deltaHp / sH;
        return Math.sqrt(dL * dL + dC * dC + dH * dH + rT * dC * dH);
    }

    private static double hueDegrees(double ap, double b) {
        if (ap == 0 && b == 0) {
            return 0;
        }
        double h = Math.toDegrees(Math.atan2(b, ap));
        return h < 0 ? h + 360 : h;
    }

    private static double cosDegrees(double degrees) {
        return Math.cos(Math.toRadians(degrees));
    }
}
