package com.atelier.integrations.generation;

import com.atelier.governance.generation.JobLedger;
import com.atelier.governance.render.RenderChain;
import com.atelier.integrations.broker.BrokerConnections;
import com.atelier.integrations.webhook.WebhookNotices;
import com.atelier.integrations.webhook.WebhookRoutes;
import com.atelier.integrations.webhook.WebhookSender;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Runs the Camel context of the generation and webhook routes for the life of the deployment (camel-cdi is gone
 * in Camel 4), with the render chain's steps bound by name for the route; sends again every few seconds the
 * accepted jobs the broker did not take while it was away, and at start queues again every job that was accepted
 * but not finished, which covers a crash between a commit and its send. Queued twice is harmless: the chain
 * starts by job id and records once.
 */
@Singleton
@Startup
@DependsOn("atelier-governance.jar#DatabaseSchema")
public class GenerationWorkers {

    private static final Logger LOG = Logger.getLogger(GenerationWorkers.class.getName());
    private static final long RESEND_SECONDS = 5;

    private RenderChain chain;
    private WebhookSender webhookSender;
    private BrokerConnections broker;
    private JobLedger ledger;
    private ArtemisJobQueue queue;
    private int workers;
    private CamelContext camel;
    private ScheduledFuture<?> resend;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    public GenerationWorkers() {
        // for the EJB container
    }

    @Inject
    public GenerationWorkers(RenderChain chain, WebhookSender webhookSender, BrokerConnections broker,
                             JobLedger ledger, ArtemisJobQueue queue,
                             @ConfigProperty(name = "atelier.generation.workers", defaultValue = "2") int workers) {
        this.chain = chain;
        this.webhookSender = webhookSender;
        this.broker = broker;
        this.ledger = ledger;
        this.queue = queue;
        this.workers = workers;
    }

    @PostConstruct
    void start() {
        try {
            camel = new DefaultCamelContext();
            camel.getCamelContextExtension().setName("atelier-generation");
            camel.setApplicationContextClassLoader(GenerationWorkers.class.getClassLoader());
            camel.addComponent("jms", JmsComponent.jmsComponent(broker.consumerFactory()));
            GenerationRoutes.bindSteps(camel.getRegistry(), chain);
            // CLIENT_ACKNOWLEDGE: a job is acknowledged only after the route has finished with it, so a worker that
            // dies mid-job leaves it on the broker for another
            camel.addRoutes(new GenerationRoutes("jms:queue:" + broker.queue(ArtemisJobQueue.QUEUE)
                    + "?concurrentConsumers=" + workers + "&acknowledgementModeName=CLIENT_ACKNOWLEDGE",
                    "jms:queue:" + broker.queue(GenerationRoutes.DEAD_LETTERS), GenerationRoutes.Backoff.WORKERS));
            camel.addRoutes(new WebhookRoutes(webhookSender, broker.queue(WebhookNotices.QUEUE),
                    broker.queue(WebhookNotices.DEAD_LETTERS)));
            camel.start();
        } catch (Exception e) {
            throw new IllegalStateException("the generation routes could not start", e);
        }
        resend = scheduler.scheduleWithFixedDelay(this::resendUnsent, RESEND_SECONDS, RESEND_SECONDS, TimeUnit.SECONDS);
        var unfinished = ledger.unfinished();
        unfinished.forEach((UUID id) -> queue.send(id));
        LOG.info(() -> "generation workers started (" + workers + " consumers); " + unfinished.size()
                + " unfinished jobs queued again");
    }

    private void resendUnsent() {
        int sent = queue.resendUnsent();
        if (sent > 0) {
            LOG.info(() -> sent + " accepted jobs sent to the broker after it was unreachable");
        }
    }

    @PreDestroy
    void stop() {
        if (resend != null) {
            resend.cancel(false);
        }
        if (camel != null) {
            camel.stop();
        }
    }
}
