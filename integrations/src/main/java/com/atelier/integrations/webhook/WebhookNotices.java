package com.atelier.integrations.webhook;

import com.atelier.integrations.broker.BrokerConnections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;

import java.util.UUID;

/**
 * Queues "tell the caller" for a finished job on a durable Artemis queue, so a notice survives a restart between
 * the end of a job and its delivery.
 */
@ApplicationScoped
public class WebhookNotices {

    public static final String QUEUE = "generation.webhooks";
    public static final String DEAD_LETTERS = "generation.webhooks.dead";

    private BrokerConnections broker;

    protected WebhookNotices() {
        // for CDI proxies
    }

    @Inject
    public WebhookNotices(BrokerConnections broker) {
        this.broker = broker;
    }

    public void announce(UUID jobId) {
        try (JMSContext context = broker.connectionFactory().createContext()) {
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT)
                    .send(context.createQueue(broker.queue(QUEUE)), jobId.toString());
        }
    }
}
