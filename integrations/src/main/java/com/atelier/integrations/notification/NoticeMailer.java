package com.atelier.integrations.notification;

import com.atelier.governance.inbox.InboxItem;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * The optional e-mail hook of the inbox, off unless {@code atelier.notifications.smtp-uri} names a Camel mail
 * endpoint (e.g. {@code smtp://mail.acme.example:587?username=atelier&password=...}). Notices are mailed after their
 * transaction commits, so a rolled-back decision never sends a mail.
 */
@Singleton
@Startup
public class NoticeMailer {

    private static final Logger LOG = Logger.getLogger(NoticeMailer.class.getName());

    private Optional<String> smtpUri;
    private String from;
    private String recipientPattern;
    private String portalUrl;
    private CamelContext camel;
    private ProducerTemplate producer;

    public NoticeMailer() {
        // for the EJB container
    }

    @Inject
    public NoticeMailer(@ConfigProperty(name = "atelier.notifications.smtp-uri") Optional<String> smtpUri,
                        @ConfigProperty(name = "atelier.notifications.from", defaultValue = "atelier@localhost") String from,
                        @ConfigProperty(name = "atelier.notifications.recipient-pattern", defaultValue = "%s@localhost")
                        String recipientPattern,
                        @ConfigProperty(name = "atelier.portal.url", defaultValue = "http://localhost:8080")
                        String portalUrl) {
        this.smtpUri = smtpUri.filter(u -> !u.isBlank());
        this.from = from;
        this.recipientPattern = recipientPattern;
        this.portalUrl = portalUrl;
    }

    @PostConstruct
    void start() {
        if (smtpUri.isEmpty()) {
            LOG.info("inbox notices are not mailed (atelier.notifications.smtp-uri is not set)");
            return;
        }
        try {
            camel = new DefaultCamelContext();
            camel.getCamelContextExtension().setName("atelier-notice-mail");
            camel.setApplicationContextClassLoader(NoticeMailer.class.getClassLoader());
            camel.addRoutes(new NoticeMailRoutes(smtpUri.get(), from));
            camel.start();
            producer = camel.createProducerTemplate();
        } catch (Exception e) {
            throw new IllegalStateException("the notice mail route could not start", e);
        }
    }

    public void mail(@Observes(during = TransactionPhase.AFTER_SUCCESS) InboxItem item) {
        if (producer == null) {
            return;
        }
        NoticeMail mail = NoticeMail.of(recipientPattern, portalUrl, item.userId(), item.workspace(), item.kind().name(),
                item.subjectType(), item.subjectId(), item.message());
        producer.sendBodyAndHeaders(NoticeMailRoutes.ENTRY, mail.body(), mail.headers());
    }

    @PreDestroy
    void stop() {
        if (camel != null) {
            camel.stop();
        }
    }
}
