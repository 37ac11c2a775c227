package com.atelier.integrations.webhook;

import com.atelier.governance.render.FinishedJobNotices;
import com.atelier.integrations.broker.BrokerSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * Queues "tell the caller" for a finished job on a durable Artemis queue, so a notice survives a restart between
 * the end of a job and its delivery.
 */
@ApplicationScoped
public class WebhookNotices implements FinishedJobNotices {

    public static final String QUEUE = "generation.webhooks";
    public static final String DEAD_LETTERS = "generation.webhooks.dead";

    private BrokerSender sender;

    protected WebhookNotices() {
        // for CDI proxies
    }

    @Inject
    public WebhookNotices(BrokerSender sender) {
        this.sender = sender;
    }

    @Override
    public void announce(UUID jobId) {
        sender.send(QUEUE, jobId.toString());
    }
}
