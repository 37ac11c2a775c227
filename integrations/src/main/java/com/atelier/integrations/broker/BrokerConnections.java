package com.atelier.integrations.broker;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * The connection factory for the Apache ActiveMQ Artemis broker that carries generation jobs. WildFly's own
 * messaging subsystem cannot be provisioned from Maven Central, so the application talks to a standalone broker
 * with the Jakarta Artemis client. One factory per application: it pools its own connections.
 */
@ApplicationScoped
public class BrokerConnections {

    private static final int CONFIRMATION_WINDOW_BYTES = 1024 * 1024;

    private ActiveMQConnectionFactory factory;
    private String url;
    private String user;
    private String password;
    private String queuePrefix;

    protected BrokerConnections() {
        // for CDI proxies
    }

    @Inject
    public BrokerConnections(@ConfigProperty(name = "atelier.broker.url", defaultValue = "tcp://127.0.0.1:61616") String url,
                             @ConfigProperty(name = "atelier.broker.user", defaultValue = "atelier") String user,
                             @ConfigProperty(name = "atelier.broker.password", defaultValue = "atelier") String password,
                             @ConfigProperty(name = "atelier.broker.queue-prefix", defaultValue = "atelier") String queuePrefix) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.queuePrefix = queuePrefix;
        this.factory = new ActiveMQConnectionFactory(url, user, password);
        // without a confirmation window a send with a completion listener blocks like a plain send (ARTEMIS-3610)
        this.factory.setConfirmationWindowSize(CONFIRMATION_WINDOW_BYTES);
    }

    @Produces
    @Broker
    public ConnectionFactory connectionFactory() {
        return factory;
    }

    /**
     * A factory for job consumers: no client-side prefetch (consumerWindowSize=0), so jobs spread over all workers
     * of all nodes instead of piling up in one, and endless reconnection, so workers resume after a broker restart.
     */
    public ConnectionFactory consumerFactory() {
        return new ActiveMQConnectionFactory(url + (url.contains("?") ? "&" : "?")
                + "consumerWindowSize=0&reconnectAttempts=-1&retryInterval=1000&retryIntervalMultiplier=2"
                + "&maxRetryInterval=15000", user, password);
    }

    /**
     * The broker-wide name of one of the portal's queues. Portals that share a broker (a test server beside a
     * running one, or staging beside production) keep their jobs apart with different prefixes.
     */
    public String queue(String name) {
        return queuePrefix + "." + name;
    }

    public String url() {
        return url;
    }

    /**
     * A factory that gives up after one attempt within the timeout: the shared one retries, which is right for
     * jobs and wrong for a health answer. The caller closes it.
     */
    public ActiveMQConnectionFactory singleAttemptFactory(Duration timeout) {
        String options = "initialConnectAttempts=1&reconnectAttempts=0&callTimeout=" + timeout.toMillis()
                + "&connectionTTL=" + Math.max(timeout.toMillis(), 1000);
        return new ActiveMQConnectionFactory(url + (url.contains("?") ? "&" : "?") + options, user, password);
    }

    @PreDestroy
    void close() {
        factory.close();
    }
}
