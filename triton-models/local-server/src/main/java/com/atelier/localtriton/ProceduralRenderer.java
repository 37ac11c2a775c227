package com.atelier.localtriton;

import com.atelier.inference.image.LoraAdapter;
import com.atelier.inference.image.TextToImageRequest;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A procedural CPU renderer standing in for the diffusion pipelines. It is NOT a diffusion model and
 * draws nothing the prompt describes: the prompt picks a palette, the seed a composition, the model a
 * pattern family (flow field, metaballs, waves), steps the amount of detail, guidance the contrast,
 * and each LoRA adapter a style effect scaled by its weight. The same inputs always give the same pixels.
 */
public final class ProceduralRenderer {

    private static final int LORA_EFFECTS = 5;

    /** Renders image {@code index} of the request (rendered with seed + index) as packed RGB. */
    public int[] render(TextToImageRequest request, int index) {
        long seed = request.seed() + index;
        Scene scene = new Scene(request, seed);
        int width = request.width();
        int height = request.height();
        int[] rgb = new int[width * height];
        IntStream.range(0, height).parallel().forEach(y -> {
            for (int x = 0; x < width; x++) {
                rgb[y * width + x] = scene.pixel(x / (double) width, y / (double) height);
            }
        });
        return rgb;
    }

    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return mix(h);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Everything derived once per image; {@link #pixel} is a pure function of it. */
    private static final class Scene {
        private final String family;
        private final float[][] palette = new float[4][];
        private final double[] centersX;
        private final double[] centersY;
        private final double[] frequencies;
        private final double[] phases;
        private final int octaves;
        private final double contrast;
        private final int[] noiseLattice = new int[512];
        private final int[] loraEffects;
        private final double[] loraWeights;

        Scene(TextToImageRequest request, long seed) {
            this.family = request.model();
            long promptHash = hash(request.prompt());
            long negativeHash = hash(request.negativePrompt());
            for (int i = 0; i < palette.length; i++) {
                double hue = ((promptHash >>> (i * 12)) & 0xfff) / 4096.0;
                double saturation = 0.45 + 0.5 * (((promptHash >>> (48 + i * 4)) & 0xf) / 15.0);
                // The negative prompt pulls colours towards grey: "less of this".
                if (!request.negativePrompt().isEmpty()) {
                    saturation *= 0.55 + 0.45 * (((negativeHash >>> (i * 8)) & 0xff) / 255.0);
                }
                palette[i] = hsv(hue, saturation, 0.35 + 0.6 * i / (palette.length - 1.0));
            }
            SplittableRandom random = new SplittableRandom(mix(seed ^ hash(request.model()) ^ hash(request.scheduler())));
            int features = 5 + random.nextInt(4);
            centersX = new double[features];
            centersY = new double[features];
            frequencies = new double[features];
            phases = new double[features];
            for (int i = 0; i < features; i++) {
                centersX[i] = random.nextDouble();
                centersY[i] = random.nextDouble();
                frequencies[i] = 2 + random.nextDouble() * 9;
                phases[i] = random.nextDouble() * Math.PI * 2;
            }
            for (int i = 0; i < 256; i++) {
                noiseLattice[i] = i;
            }
            for (int i = 255; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = noiseLattice[i];
                noiseLattice[i] = noiseLattice[j];
                noiseLattice[j] = swap;
            }
            System.arraycopy(noiseLattice, 0, noiseLattice, 256, 256);
            this.octaves = 1 + Math.min(request.steps(), 60) / 12;
            this.contrast = 0.6 + Math.min(request.guidance(), 20f) / 12.0;
            this.loraEffects = new int[request.loras().size()];
            this.loraWeights = new double[request.loras().size()];
            for (int i = 0; i < loraEffects.length; i++) {
                LoraAdapter lora = request.loras().get(i);
                loraEffects[i] = (int) Math.floorMod(hash(lora.name()), LORA_EFFECTS);
                loraWeights[i] = lora.weight();
            }
        }

        int pixel(double u, double v) {
            double field = switch (family) {
                case "flux2" -> flowField(u, v);
                case "sd35-large" -> waves(u, v);
                default -> metaballs(u, v);
            };
            double detail = fbm(u * 6, v * 6);
            double t = clamp(0.5 + (field - 0.5) * contrast + (detail - 0.5) * 0.35);
            float[] color = blend(t);
            double r = color[0];
            double g = color[1];
            double b = color[2];
            for (int i = 0; i < loraEffects.length; i++) {
                double w = loraWeights[i];
                switch (loraEffects[i]) {
                    case 0 -> { // posterize: fewer tones as the weight grows
                        double levels = Math.max(2, 12 - 5 * Math.abs(w));
                        r = Math.round(r * levels) / levels;
                        g = Math.round(g * levels) / levels;
                        b = Math.round(b * levels) / levels;
                    }
                    case 1 -> { // diagonal ink stripes
                        double stripe = 0.5 + 0.5 * Math.sin((u + v) * 90);
                        double k = clamp(Math.abs(w) * 0.45) * stripe;
                        r *= 1 - k;
                        g *= 1 - k;
                        b *= 1 - k;
                    }
                    case 2 -> { // channel rotation towards a warmer or colder cast
                        double k = clamp(Math.abs(w) * 0.6);
                        double nr = w >= 0 ? b : g;
                        double ng = w >= 0 ? r : b;
                        double nb = w >= 0 ? g : r;
                        r = r + (nr - r) * k;
                        g = g + (ng - g) * k;
                        b = b + (nb - b) * k;
                    }
                    case 3 -> { // vignette
                        double d = Math.hypot(u - 0.5, v - 0.5) * 1.4;
                        double k = 1 - clamp(Math.abs(w) * d * d);
                        r *= k;
                        g *= k;
                        b *= k;
                    }
                    default -> { // halftone dots
                        double cell = 0.5 + 0.5 * Math.sin(u * 160) * Math.sin(v * 160);
                        double k = clamp(Math.abs(w) * 0.5);
                        double lum = (r + g + b) / 3;
                        double dot = cell < lum ? 1 : 0.15;
                        r = r + (r * dot - r) * k;
                        g = g + (g * dot - g) * k;
                        b = b + (b * dot - b) * k;
                    }
                }
            }
            return (channel(r) << 16) | (channel(g) << 8) | channel(b);
        }

        private double metaballs(double u, double v) {
            double sum = 0;
            for (int i = 0; i < centersX.length; i++) {
                double dx = u - centersX[i];
                double dy = v - centersY[i];
                sum += 0.012 * frequencies[i] / (dx * dx + dy * dy + 0.01);
            }
            return clamp(sum / (1 + sum));
        }

        private double flowField(double u, double v) {
            double warpU = u + 0.15 * Math.sin(v * frequencies[0] + phases[0]);
            double warpV = v + 0.15 * Math.cos(u * frequencies[1] + phases[1]);
            return 0.5 + 0.5 * Math.sin(warpU * frequencies[2] * 2 + warpV * frequencies[3] + phases[2]);
        }

        private double waves(double u, double v) {
            double sum = 0;
            for (int i = 0; i < centersX.length; i++) {
                double d = Math.hypot(u - centersX[i], v - centersY[i]);
                sum += Math.sin(d * frequencies[i] * 6 + phases[i]);
            }
            return 0.5 + 0.5 * sum / centersX.length;
        }

        /** Value-noise fractal sum; more denoising steps give more octaves of detail. */
        private double fbm(double x, double y) {
            double sum = 0;
            double amplitude = 0.5;
            double total = 0;
            for (int octave = 0; octave < octaves; octave++) {
                sum += amplitude * valueNoise(x, y);
                total += amplitude;
                x *= 2;
                y *= 2;
                amplitude *= 0.5;
            }
            return sum / total;
        }

        private double valueNoise(double x, double y) {
            int xi = (int) Math.floor(x);
            int yi = (int) Math.floor(y);
            double xf = x - xi;
            double yf = y - yi;
            double su = xf * xf * (3 - 2 * xf);
            double sv = yf * yf * (3 - 2 * yf);
            double a = lattice(xi, yi);
            double b = lattice(xi + 1, yi);
            double c = lattice(xi, yi + 1);
            double d = lattice(xi + 1, yi + 1);
            return (a + (b - a) * su) + ((c + (d - c) * su) - (a + (b - a) * su)) * sv;
        }

        private double lattice(int x, int y) {
            return noiseLattice[noiseLattice[x & 255] + (y & 255)] / 255.0;
        }

        private float[] blend(double t) {
            double scaled = t * (palette.length - 1);
            int i = Math.min((int) scaled, palette.length - 2);
            double f = scaled - i;
            float[] from = palette[i];
            float[] to = palette[i + 1];
            return new float[] {
                (float) (from[0] + (to[0] - from[0]) * f),
                (float) (from[1] + (to[1] - from[1]) * f),
                (float) (from[2] + (to[2] - from[2]) * f)};
        }
    }

    private static float[] hsv(double hue, double saturation, double value) {
        double h = (hue % 1.0) * 6;
        int sector = (int) h;
        double f = h - sector;
        double p = value * (1 - saturation);
        double q = value * (1 - saturation * f);
        double t = value * (1 - saturation * (1 - f));
        double[] rgb = switch (sector) {
            case 0 -> new double[] {value, t, p};
            case 1 -> new double[] {q, value, p};
            case 2 -> new double[] {p, value, t};
            case 3 -> new double[] {p, q, value};
            case 4 -> new double[] {t, p, value};
            default -> new double[] {value, p, q};
        };
        return new float[] {(float) rgb[0], (float) rgb[1], (float) rgb[2]};
    }

    private static double clamp(double value) {
        return value < 0 ? 0 : Math.min(1, value);
    }

    private static int channel(double value) {
        return (int) Math.round(clamp(value) * 255);
    }
}
