package com.atelier.bench.provenance;

import com.atelier.governance.provenance.ManifestSigner;
import com.atelier.governance.provenance.ProvenanceManifest;
import com.atelier.governance.provenance.ProvenanceReport;
import com.atelier.governance.provenance.ProvenanceSettings;
import com.atelier.governance.provenance.ProvenanceVerifier;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Milliseconds per image to build, sign and embed a C2PA manifest into a 1024x1024 PNG (and JPEG), and to verify the
 * result, with the development key from deploy/provenance/dev-signing-key.sh. Warm-up first, then timed rounds.
 * Run with bench/provenance/run.sh.
 */
public final class ProvenanceBenchmark {

    public static void main(String[] args) throws Exception {
        Path keys = Path.of(args[0]);
        int warmup = Integer.getInteger("bench.warmup", 300);
        int rounds = Integer.getInteger("bench.rounds", 1000);
        ProvenanceSettings settings = new ProvenanceSettings(Optional.of(keys.resolve("signing.p12")), "atelier-dev",
                "atelier-signing", Optional.empty());
        Clock clock = Clock.systemUTC();
        ProvenanceVerifier verifier = settings.verifier(clock);
        ManifestSigner signer = settings.signer(verifier, clock);

        BufferedImage picture = picture(1024);
        byte[] png = encode(picture, "png");
        byte[] jpeg = encode(picture, "jpeg");
        ProvenanceManifest.GenerationDetails generation = ProvenanceManifest.GenerationDetails.of("flux2", "2.0.1",
                List.of(new ProvenanceManifest.LoraUse("brand-style", "e4344fd509fe8fec96e8535638a057e40785443caa19658df66a723a0311ea88")),
                "a lighthouse at dusk in brand colours, golden hour, 35mm", false, "acme-marketing",
                "7d0c1c1e-5f7b-4a53-9e0b-2f4f3b8f0a11", Optional.of("asset-7"), "designer@acme.example");
        ProvenanceManifest pngManifest = ProvenanceManifest.forGeneratedImage("lighthouse.png", ProvenanceManifest.PNG,
                "0.1.0", generation);
        ProvenanceManifest jpegManifest = ProvenanceManifest.forGeneratedImage("lighthouse.jpg",
                ProvenanceManifest.JPEG, "0.1.0", generation);
        byte[] signedPng = signer.signPng(png, pngManifest);
        byte[] signedJpeg = signer.signJpeg(jpeg, jpegManifest);
        check(verifier.verify(signedPng));
        check(verifier.verify(signedJpeg));

        System.out.printf("java %s, %d cores, PNG %d bytes (+%d manifest), JPEG %d bytes; %d warm-up, %d timed rounds%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), png.length,
                signedPng.length - png.length, jpeg.length, warmup, rounds);
        System.out.println("| operation | mean ms | p50 ms | p95 ms | p99 ms |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        measure("build + sign + embed, 1024² PNG", warmup, rounds, () -> signer.signPng(png, pngManifest));
        measure("verify, 1024² PNG", warmup, rounds, () -> verifier.verify(signedPng));
        measure("build + sign + embed, 1024² JPEG", warmup, rounds, () -> signer.signJpeg(jpeg, jpegManifest));
        measure("verify, 1024² JPEG", warmup, rounds, () -> verifier.verify(signedJpeg));
    }

    private static void measure(String name, int warmup, int rounds, Supplier<Object> operation) {
        Object sink = null;
        for (int i = 0; i < warmup; i++) {
            sink = operation.get();
        }
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            sink = operation.get();
            nanos[i] = System.nanoTime() - start;
        }
        if (sink == null) {
            throw new IllegalStateException();
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        System.out.printf("| %s | %.2f | %.2f | %.2f | %.2f |%n", name, mean, nanos[rounds / 2] / 1e6,
                nanos[(int) (rounds * 0.95)] / 1e6, nanos[(int) (rounds * 0.99)] / 1e6);
    }

    private static void check(ProvenanceReport report) {
        if (report.verdict() != ProvenanceReport.Verdict.VALID) {
            throw new IllegalStateException("benchmark image does not verify: " + report);
        }
    }

    /** A smooth gradient with mild noise: compresses like a generated image, not like a flat colour. */
    private static BufferedImage picture(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int r = Math.min(255, (x * 255 / size) + random.nextInt(12));
                int g = Math.min(255, (y * 255 / size) + random.nextInt(12));
                int b = Math.min(255, ((x + y) * 127 / size) + random.nextInt(12));
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
