package com.atelier.governance.policy.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The few colours an image is mostly made of: k-means in L*a*b* over the sampled pixels, seeded by k-means++ from a
 * fixed seed, so the same image always gives the same answer. Mostly transparent pixels are left out.
 */
public final class DominantColours {

    /** How many colours are looked for; fewer come back when the image has fewer distinct colours. */
    public static final int K = 5;
    private static final long SEED = 0x5EED_B4A7DL;
    private static final int MAX_ITERATIONS = 30;

    /** A dominant colour: the cluster's mean colour and the share of the (opaque) image it covers. */
    public record Cluster(Lab colour, double share) {
    }

    private DominantColours() {
    }

    /** The clusters of the sample's opaque pixels, largest share first; empty when every pixel is transparent. */
    public static List<Cluster> of(ImageSample sample) {
        int[] argb = sample.pixels();
        int n = 0;
        float[] l = new float[argb.length];
        float[] a = new float[argb.length];
        float[] b = new float[argb.length];
        for (int p : argb) {
            if ((p >>> 24) >= 128) {
                Lab lab = Lab.ofRgb(p);
                l[n] = (float) lab.l();
                a[n] = (float) lab.a();
                b[n] = (float) lab.b();
                n++;
            }
        }
        return n == 0 ? List.of() : cluster(l, a, b, n, K);
    }

    static List<Cluster> cluster(float[] l, float[] a, float[] b, int n, int k) {
        double[][] centres = seeds(l, a, b, n, k);
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        int[] counts = new int[centres.length];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            boolean moved = false;
            for (int i = 0; i < n; i++) {
                int nearest = nearest(centres, l[i], a[i], b[i]);
                if (nearest != assignment[i]) {
                    assignment[i] = nearest;
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
            double[][] sums = new double[centres.length][3];
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                double[] sum = sums[assignment[i]];
                sum[0] += l[i];
                sum[1] += a[i];
                sum[2] += b[i];
                counts[assignment[i]]++;
            }
            for (int c = 0; c < centres.length; c++) {
                if (counts[c] > 0) {
                    centres[c] = new double[]{sums[c][0] / counts[c], sums[c][1] / counts[c], sums[c][2] / counts[c]};
                }
            }
        }
        Arrays.fill(counts, 0);
        for (int i = 0; i < n; i++) {
            counts[assignment[i]]++;
        }
        List<Cluster> clusters = new ArrayList<>();
        for (int c = 0; c < centres.length; c++) {
            if (counts[c] > 0) {
                clusters.add(new Cluster(new Lab(centres[c][0], centres[c][1], centres[c][2]), (double) counts[c] / n));
            }
        }
        clusters.sort(Comparator.comparingDouble(Cluster::share).reversed());
        return List.copyOf(clusters);
    }

    /** k-means++: each next seed drawn with probability proportional to its squared distance from the nearest seed. */
    private static double[][] seeds(float[] l, float[] a, float[] b, int n, int k) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<double[]> seeds = new ArrayList<>();
        int first = random.nextInt(n);
        seeds.add(new double[]{l[first], a[first], b[first]});
        double[] distance = new double[n];
        Arrays.fill(distance, Double.MAX_VALUE);
        while (seeds.size() < k) {
            double[] last = seeds.get(seeds.size() - 1);
            double total = 0;
            for (int i = 0; i < n; i++) {
                distance[i] = Math.min(distance[i], squared(last, l[i], a[i], b[i]));
                total += distance[i];
            }
            if (total < 1e-9) {
                break; // fewer distinct colours than k
            }
            double target = random.nextDouble() * total;
            int chosen = n - 1;
            for (int i = 0; i < n; i++) {
                target -= distance[i];
                if (target <= 0 && distance[i] > 0) {
                    chosen = i;
                    break;
                }
            }
            seeds.add(new double[]{l[chosen], a[chosen], b[chosen]});
        }
        return seeds.toArray(new double[0][]);
    }

    private static int nearest(double[][] centres, float l, float a, float b) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int c = 0; c < centres.length; c++) {
            double d = squared(centres[c], l, a, b);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    private static double squared(double[] centre, float l, float a, float b) {
        double dl = centre[0] - l;
        double da = centre[1] - a;
        double db = centre[2] - b;
        return dl * dl + da * da + db * db;
    }
}
