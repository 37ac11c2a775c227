package com.atelier.integrations.generation;

import com.atelier.governance.asset.AssetStore;
import com.atelier.governance.generation.GenerationSpec;
import com.atelier.governance.generation.JobLedger;
import com.atelier.governance.generation.JobTicket;
import com.atelier.governance.generation.RenderedImage;
import com.atelier.governance.policy.BrandOutputCheck;
import com.atelier.inference.image.GeneratedImage;
import com.atelier.integrations.inference.TritonConnection;
import com.atelier.integrations.inference.TritonRenderings;
import com.atelier.integrations.webhook.WebhookNotices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Renders one queued job: starts it in the ledger, asks Triton for each model's images, checks, signs (C2PA) and
 * stores every image, and records the assets in one transaction. Any exception leaves the job RUNNING for the route's
 * redelivery; rendering again is safe because images are content-addressed and completion happens once.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());
    private static final Duration CALL_DEADLINE = Duration.ofMinutes(2);

    private JobLedger ledger;
    private TritonConnection triton;
    private AssetStore store;
    private OutputCheck outputCheck;
    private WebhookNotices notices;
    private GeneratedImageProvenance provenance;
    private BrandOutputCheck brandCheck;

    protected JobRunner() {
        // for CDI proxies
    }

    @Inject
    public JobRunner(JobLedger ledger, TritonConnection triton, AssetStore store, OutputCheck outputCheck,
                     WebhookNotices notices, GeneratedImageProvenance provenance, BrandOutputCheck brandCheck) {
        this.ledger = ledger;
        this.triton = triton;
        this.store = store;
        this.outputCheck = outputCheck;
        this.notices = notices;
        this.provenance = provenance;
        this.brandCheck = brandCheck;
    }

    public void run(String jobId) {
        UUID id = UUID.fromString(jobId);
        Optional<JobTicket> ticket = ledger.start(id);
        if (ticket.isEmpty()) {
            LOG.fine(() -> "job " + jobId + " is finished, cancelled or unknown; delivery ignored");
            return;
        }
        GenerationSpec spec = ticket.get().spec();
        List<RenderedImage> images = new ArrayList<>();
        long gpuMillis = 0;
        for (String model : spec.models()) {
            int position = 0;
            for (var request : TritonRenderings.batches(model, spec)) {
                var result = triton.client().generate(request, CALL_DEADLINE);
                // Triton reports the compute time of the call; each image of the batch gets its share
                long callMillis = result.stream().findFirst()
                        .flatMap(image -> image.timings().serverComputeAverage())
                        .map(Duration::toMillis).orElse(0L);
                gpuMillis += callMillis;
                for (GeneratedImage image : result) {
                    // checked on the pixels Triton returned, then signed: the manifest binds exactly what is stored
                    Optional<String> blocked = blockedReason(ticket.get(), image);
                    byte[] signed = provenance.sign(ticket.get(), model, image.modelVersion(), image.png());
                    String hash = store.put(signed);
                    images.add(new RenderedImage(model, image.modelVersion(), position++, image.seed(), hash,
                            "image/png", image.width(), image.height(), blocked,
                            callMillis / result.size()));
                }
            }
        }
        if (ledger.complete(id, images, gpuMillis)) {
            if (ticket.get().wantsWebhook()) {
                notices.announce(id);
            }
        } else {
            LOG.info(() -> "job " + jobId + " was completed by an earlier delivery; this rendering is discarded");
        }
    }

    /** The safety classifier's verdict and the workspace's brand checks (palette, size, format), together. */
    private Optional<String> blockedReason(JobTicket ticket, GeneratedImage image) {
        List<String> reasons = new ArrayList<>();
        outputCheck.blockedReason(image.png()).ifPresent(reasons::add);
        reasons.addAll(brandCheck.reasons(ticket.workspace(), image.png(), ticket.spec().width(),
                ticket.spec().height()));
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    public void fail(String jobId, Exception cause) {
        String reason = cause == null ? "unknown failure" : cause.getMessage();
        UUID id = UUID.fromString(jobId);
        if (ledger.fail(id, "Rendering failed after retries: " + reason)) {
            notices.announce(id); // the sender skips jobs without a webhook
        }
    }
}
