package com.atelier.governance.render;

import com.atelier.governance.generation.GenerationSpec;
import com.atelier.governance.generation.JobLedger;
import com.atelier.governance.generation.JobTicket;
import com.atelier.governance.generation.RenderedImage;
import com.atelier.governance.policy.BrandPolicies;
import com.atelier.governance.policy.VersionedBrandPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Small builders and in-memory stand-ins for the chain's collaborators. */
final class RenderFixtures {

    static final Instant ACCEPTED = Instant.parse("2026-12-01T10:00:00Z");

    private RenderFixtures() {
    }

    static GenerationSpec spec(List<String> models, int size, int count) {
        return new GenerationSpec(models, "a red tote bag on a white table", null, null, 7L, null, null, size, size,
                count, null);
    }

    static JobTicket ticket(GenerationSpec spec, boolean webhook) {
        return new JobTicket(UUID.randomUUID(), "brand-studio", "designer", spec, 1, webhook, ACCEPTED);
    }

    /** A textured PNG (the brand check refuses blank images). */
    static byte[] png(int width, int height, int seed) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, ((x * 7 + seed) & 0xFF) << 16 | ((y * 5 + seed) & 0xFF) << 8 | ((x ^ y) & 0xFF));
            }
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static RenderOutput rendered(String model, int position, int size) {
        return RenderOutput.rendered(model, "1", position, 7 + position, size, size, png(size, size, position), 40);
    }

    static StepTimers timers() {
        return new StepTimers(new SimpleMeterRegistry());
    }

    /** The ledger's rules in memory: a job starts while unfinished and completes once. */
    static final class InMemoryLedger extends JobLedger {
        final Map<UUID, JobTicket> jobs = new HashMap<>();
        final Map<UUID, List<RenderedImage>> completed = new HashMap<>();
        final Map<UUID, String> failed = new HashMap<>();

        void accept(JobTicket ticket) {
            jobs.put(ticket.jobId(), ticket);
        }

        @Override
        public synchronized Optional<JobTicket> start(UUID jobId) {
            if (!jobs.containsKey(jobId) || completed.containsKey(jobId) || failed.containsKey(jobId)) {
                return Optional.empty();
            }
            return Optional.of(jobs.get(jobId));
        }

        @Override
        public synchronized boolean complete(UUID jobId, List<RenderedImage> images, long gpuMillis) {
            if (completed.containsKey(jobId) || failed.containsKey(jobId)) {
                return false;
            }
            completed.put(jobId, new ArrayList<>(images));
            return true;
        }

        @Override
        public synchronized boolean fail(UUID jobId, String reason) {
            if (completed.containsKey(jobId) || failed.containsKey(jobId)) {
                return false;
            }
            failed.put(jobId, reason);
            return true;
        }
    }

    /** A workspace without a brand palette: only the size, format and blank checks apply. */
    static final class NoBrandPalette extends BrandPolicies {
        int reads;

        @Override
        public VersionedBrandPolicy latest(String workspaceSlug) {
            reads++;
            return VersionedBrandPolicy.none(workspaceSlug);
        }
    }
}
