package com.atelier.integrations.broker;

import com.atelier.governance.health.DependencyProbe;
import com.atelier.governance.health.DependencyStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;

import java.time.Duration;

/** Checks that the Artemis broker accepts a connection and a session. */
@ApplicationScoped
public class BrokerProbe implements DependencyProbe {

    private BrokerConnections connections;

    protected BrokerProbe() {
        // for CDI proxies
    }

    @Inject
    public BrokerProbe(BrokerConnections connections) {
        this.connections = connections;
    }

    @Override
    public String dependency() {
        return "broker";
    }

    @Override
    public DependencyStatus check(Duration timeout) {
        long start = System.nanoTime();
        try (var factory = connections.singleAttemptFactory(timeout);
             JMSContext context = factory.createContext()) {
            context.createProducer(); // forces the session round trip
            return DependencyStatus.up(dependency(), "Artemis at " + connections.url(),
                    DependencyStatus.millisSince(start));
        } catch (JMSRuntimeException | IllegalStateException e) {
            return DependencyStatus.down(dependency(), "The Artemis broker at " + connections.url()
                    + " is unreachable (" + e.getMessage() + "). Accepted jobs wait there; start it with"
                    + " `./atelier up`.", DependencyStatus.millisSince(start));
        }
    }
}
