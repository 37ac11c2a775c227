package com.atelier.integrations.webhook;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Delivers webhook notices: up to 6 attempts with exponential backoff from 1 s to 1 min, every attempt recorded;
 * a notice that is never taken ends on the dead-letter queue for operators.
 */
public class WebhookRoutes extends RouteBuilder {

    private final WebhookSender sender;
    private final String notices;
    private final String deadLetters;

    public WebhookRoutes(WebhookSender sender, String notices, String deadLetters) {
        this.sender = sender;
        this.notices = notices;
        this.deadLetters = deadLetters;
    }

    @Override
    public void configure() {
        errorHandler(deadLetterChannel("jms:queue:" + deadLetters)
                .useOriginalMessage()
                .maximumRedeliveries(5)
                .redeliveryDelay(1000)
                .useExponentialBackOff()
                .backOffMultiplier(3)
                .maximumRedeliveryDelay(60_000)
                .retryAttemptedLogLevel(LoggingLevel.INFO));

        from("jms:queue:" + notices + "?concurrentConsumers=2&acknowledgementModeName=CLIENT_ACKNOWLEDGE")
                .routeId("webhook-delivery")
                .process(exchange -> sender.deliver(exchange.getIn().getBody(String.class)));
    }
}
