package com.atelier.integrations.webhook;

/** A webhook receiver did not take the notice; the route will try again. */
public class WebhookDeliveryException extends Exception {

    public WebhookDeliveryException(String message) {
        super(message);
    }
}
