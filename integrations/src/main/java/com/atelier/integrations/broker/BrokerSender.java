package com.atelier.integrations.broker;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends persistent messages to the portal's queues over one long-lived broker connection, with one session per
 * sending thread (a JMSContext is not thread-safe, a connection is). Opening a connection per message serialised
 * submissions on the connection factory's lock; after a broker failure the connection is opened again.
 * <p>
 * {@link #sendConfirmed} does not wait for the broker: the factory has a confirmation window, so the broker's
 * acknowledgement that the message is in its journal arrives later and completes the returned future. A request
 * thread then spends no time on the broker's disk write.
 */
@ApplicationScoped
public class BrokerSender {

    private BrokerConnections broker;
    private volatile JMSContext connection;
    private final Set<JMSContext> sessions = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<JMSContext> session = new ThreadLocal<>();
    // createQueue asks the broker about the queue each time: one round trip per message saved by keeping them
    private final Map<String, Queue> queues = new ConcurrentHashMap<>();

    protected BrokerSender() {
        // for CDI proxies
    }

    @Inject
    public BrokerSender(BrokerConnections broker) {
        this.broker = broker;
    }

    /** Sends a persistent text message to one of the portal's queues (a name like "generation.jobs"). */
    public void send(String queue, String body) {
        try {
            JMSContext context = sessionOfThisThread();
            send(context, context.createProducer(), queue, body);
        } catch (JMSRuntimeException e) {
            reset();
            throw e;
        }
    }

    /**
     * Sends a persistent text message without waiting for the broker. The future completes once the broker has
     * stored the message, or exceptionally when it could not take it (the caller keeps what it must send again).
     */
    public CompletableFuture<Void> sendConfirmed(String queue, String body) {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        try {
            JMSContext context = sessionOfThisThread();
            send(context, context.createProducer().setAsync(new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    stored.complete(null);
                }

                @Override
                public void onException(Message message, Exception failure) {
                    stored.completeExceptionally(failure);
                }
            }), queue, body);
        } catch (JMSRuntimeException e) {
            reset();
            stored.completeExceptionally(e);
        }
        return stored;
    }

    private void send(JMSContext context, JMSProducer producer, String queue, String body) {
        producer.setDeliveryMode(DeliveryMode.PERSISTENT)
                .send(queues.computeIfAbsent(queue, name -> context.createQueue(broker.queue(name))), body);
    }

    private JMSContext sessionOfThisThread() {
        JMSContext current = session.get();
        if (current == null || !sessions.contains(current)) {
            current = connection().createContext(JMSContext.AUTO_ACKNOWLEDGE);
            sessions.add(current);
            session.set(current);
        }
        return current;
    }

    private synchronized JMSContext connection() {
        if (connection == null) {
            connection = broker.connectionFactory().createContext();
        }
        return connection;
    }

    @PreDestroy
    synchronized void reset() {
        sessions.forEach(BrokerSender::closeQuietly);
        sessions.clear();
        if (connection != null) {
            closeQuietly(connection);
            connection = null;
        }
    }

    private static void closeQuietly(JMSContext context) {
        try {
            context.close();
        } catch (JMSRuntimeException e) {
            // already broken: nothing left to release
        }
    }
}
