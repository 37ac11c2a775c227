package com.atelier.bench.brandsafety;

import com.atelier.governance.policy.image.DominantColours;
import com.atelier.governance.policy.image.ImageFormatCheck;
import com.atelier.governance.policy.image.ImageSample;
import com.atelier.governance.policy.image.PaletteCheck;
import com.atelier.governance.policy.prompt.PromptRules;
import com.atelier.governance.policy.prompt.RegexRule;
import com.atelier.governance.policy.prompt.Term;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Times the brand output check on 1024×1024 PNGs (decode to the sample grid, format check, k-means, CIEDE2000 to
 * the palette) and the prompt rules on a typical prompt. A plain main with warm-up rounds, not JMH; see
 * docs/benchmarks-brand-safety.md for the method and figures.
 */
public final class PaletteCheckBenchmark {

    private static final List<String> PALETTE = List.of("#e30613", "#ffffff", "#1d1d1b", "#f5a623", "#00a0e3");

    public static void main(String[] args) throws IOException {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        System.out.printf(Locale.ROOT, "java %s, %d cpus, warm-up %d, measured %d%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), warmup, measured);

        PaletteCheck palette = new PaletteCheck(PALETTE, 15);
        for (var image : List.of(smoothRender(), noisyPhoto())) {
            byte[] png = image.png();
            System.out.printf(Locale.ROOT, "%n%s: 1024x1024, %,d bytes%n", image.name(), png.length);
            ImageSample sample = ImageSample.of(png);
            time("  decode to 64x64 sample", warmup, measured, () -> ImageSample.of(png));
            time("  k-means (k=5) on sample", warmup, measured, () -> DominantColours.of(sample));
            time("  palette check on sample", warmup, measured, () -> palette.check(sample));
            time("  whole check (format + palette, one decode)", warmup, measured, () -> {
                ImageFormatCheck.Inspection inspection = ImageFormatCheck.inspect(png, 1024, 1024);
                return palette.check(inspection.sample().orElseThrow());
            });
            System.out.println("  report: " + palette.check(sample).reason());
        }

        PromptRules rules = PromptRules.builder()
                .portalTerms(List.of("gore", "beheading", "swastika", "child nudity", "deepfake of").stream()
                        .map(Term::of).toList())
                .bannedTerms(words("banned", 100)).competitorMarks(words("mark", 100))
                .regexRules(new RegexRule("no-urls", "https?://\\S+", "No links."))
                .triggerWords("acmestyle").prefix("acmestyle photo,").build();
        String prompt = "a red sofa in a sunlit loft, wide angle, soft shadows, c o k e bottle on the table,"
                + " 35mm, high detail, warm light, plants, concrete floor, large windows";
        System.out.println();
        time("prompt rules (205 terms + 1 regex), 160-char prompt", warmup * 10, measured * 10,
                () -> rules.check(prompt));
    }

    private static List<String> words(String stem, int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> stem + i).toList();
    }

    private record Image(String name, byte[] png) {
    }

    /** Large smooth gradients and shapes, like most renders: compresses well. */
    private static Image smoothRender() throws IOException {
        BufferedImage image = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 1024; y++) {
            for (int x = 0; x < 1024; x++) {
                boolean disc = (x - 600) * (x - 600) + (y - 400) * (y - 400) < 200 * 200;
                int r = disc ? 0xE3 : 40 + y / 8;
                int g = disc ? 0x06 : 60 + x / 10;
                int b = disc ? 0x13 : 120 + (x + y) / 20;
                image.setRGB(x, y, (r << 16) | (g << 8) | Math.min(255, b));
            }
        }
        return new Image("smooth render", encode(image));
    }

    /** The same with per-pixel noise, like photographic detail: compresses badly, so decoding costs most. */
    private static Image noisyPhoto() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        BufferedImage image = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 1024; y++) {
            for (int x = 0; x < 1024; x++) {
                int n = random.nextInt(-24, 25);
                int r = clamp(90 + y / 6 + n);
                int g = clamp(110 + x / 9 + n);
                int b = clamp(70 + (x + y) / 16 + n);
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return new Image("noisy photo", encode(image));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static byte[] encode(BufferedImage image) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void time(String label, int warmup, int measured, Supplier<?> work) {
        Object sink = null;
        for (int i = 0; i < warmup; i++) {
            sink = work.get();
        }
        long[] nanos = new long[measured];
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            sink = work.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0);
        System.out.printf(Locale.ROOT, "%-52s p50 %8.3f ms  p90 %8.3f ms  p99 %8.3f ms  mean %8.3f ms%s%n", label,
                nanos[measured / 2] / 1e6, nanos[measured * 9 / 10] / 1e6, nanos[measured * 99 / 100] / 1e6,
                mean / 1e6, sink == null ? "?" : "");
    }
}
