package com.atelier.integrations.notification;

import org.apache.camel.builder.RouteBuilder;

/**
 * Mails inbox notices through the configured SMTP endpoint. The in-memory hand-off keeps the request that caused a
 * notice from waiting on the mail server; the inbox row is the record, the mail a best-effort copy, retried a few
 * times and then logged.
 */
public class NoticeMailRoutes extends RouteBuilder {

    public static final String ENTRY = "seda:notice-mail?size=10000&blockWhenFull=false";

    /** Headers naming the recipient and the subject; they go into the endpoint URI, where camel-mail reads them. */
    public static final String RECIPIENT = "AtelierRecipient";
    public static final String SUBJECT = "AtelierSubject";

    private final String smtpUri;
    private final String from;

    public NoticeMailRoutes(String smtpUri, String from) {
        this.smtpUri = smtpUri;
        this.from = from;
    }

    @Override
    public void configure() {
        errorHandler(defaultErrorHandler().maximumRedeliveries(3).redeliveryDelay(2000).useExponentialBackOff()
                .logExhausted(true));
        from(ENTRY).routeId("notice-mail")
                .toD(smtpUri + (smtpUri.contains("?") ? "&" : "?") + "from=" + from + "&to=${header." + RECIPIENT
                        + "}&subject=RAW(${header." + SUBJECT + "})&contentType=RAW(text/plain; charset=UTF-8)");
    }
}
