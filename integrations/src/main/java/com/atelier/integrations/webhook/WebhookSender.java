package com.atelier.integrations.webhook;

import com.atelier.governance.asset.AssetCatalog;
import com.atelier.governance.generation.FinishedJobs;
import com.atelier.governance.generation.GenerationJob;
import com.atelier.governance.webhook.WebhookDeliveries;
import com.atelier.governance.webhook.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import com.atelier.governance.json.Jsonp;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * POSTs a finished job's notice to its webhook, signed with the job's secret, and records the attempt. A failed
 * attempt (no answer, or not 2xx) throws, so that the route delivers again later.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private FinishedJobs finishedJobs;
    private WebhookDeliveries deliveries;
    private AssetCatalog assets;
    private Clock clock;
    private HttpClient http;

    protected WebhookSender() {
        // for CDI proxies
    }

    @Inject
    public WebhookSender(FinishedJobs finishedJobs, WebhookDeliveries deliveries, AssetCatalog assets, Clock clock) {
        this.finishedJobs = finishedJobs;
        this.deliveries = deliveries;
        this.assets = assets;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public void deliver(String jobId) throws WebhookDeliveryException {
        UUID id = UUID.fromString(jobId);
        Optional<GenerationJob> finished = finishedJobs.withWebhook(id);
        if (finished.isEmpty()) {
            return;
        }
        GenerationJob job = finished.get();
        Webhook webhook = job.webhook().orElseThrow();
        String body = notice(job);
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(webhook.url())
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Atelier-Event", event(job))
                    .header(WebhookSignature.HEADER, WebhookSignature.header(webhook.secret(),
                            clock.instant().getEpochSecond(), body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.discarding());
            int attempt = deliveries.record(id, webhook.url().toString(), OptionalInt.of(response.statusCode()),
                    Optional.empty(), Duration.ofNanos(System.nanoTime() - started));
            if (response.statusCode() / 100 != 2) {
                throw new WebhookDeliveryException("attempt " + attempt + " to " + webhook.url() + " answered "
                        + response.statusCode());
            }
        } catch (IOException e) {
            int attempt = deliveries.record(id, webhook.url().toString(), OptionalInt.empty(),
                    Optional.of(e.toString()), Duration.ofNanos(System.nanoTime() - started));
            throw new WebhookDeliveryException("attempt " + attempt + " to " + webhook.url() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookDeliveryException("interrupted while delivering to " + webhook.url());
        }
    }

    private static String event(GenerationJob job) {
        return "generation." + job.state().name().toLowerCase();
    }

    private String notice(GenerationJob job) {
        var images = Jsonp.createArrayBuilder();
        assets.ofJob(job.id()).forEach(asset -> images.add(Jsonp.createObjectBuilder()
                .add("id", asset.id().toString())
                .add("model", asset.model())
                .add("seed", asset.seed())
                .add("state", asset.state().name())
                .add("sha256", asset.contentHash())));
        var notice = Jsonp.createObjectBuilder()
                .add("event", event(job))
                .add("job", job.id().toString())
                .add("workspace", job.workspace().slug())
                .add("state", job.state().name())
                .add("assets", images);
        job.failure().ifPresent(reason -> notice.add("failure", reason));
        return notice.build().toString();
    }
}
