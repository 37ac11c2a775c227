package com.atelier.web.api;

import com.atelier.governance.audit.AuditSealer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import java.time.Duration;

/**
 * An API response leaves only once the audit events of its request are chained, so a client that reads the audit
 * trail (or verifies it) right after a call finds the call in it. The wait is one shared sealing round, usually
 * a few milliseconds; past {@link #MAX_WAIT} the response goes out and the events are chained moments later.
 */
@Provider
@ApplicationScoped
public class AuditReceipts implements ContainerRequestFilter, ContainerResponseFilter {

    static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private AuditSealer sealer;

    public AuditReceipts() {
        // for CDI proxies
    }

    @Inject
    public AuditReceipts(AuditSealer sealer) {
        this.sealer = sealer;
    }

    @Override
    public void filter(ContainerRequestContext in) {
        sealer.collectOnThisThread();
    }

    @Override
    public void filter(ContainerRequestContext in, ContainerResponseContext out) {
        sealer.awaitThisThreadsEvents(MAX_WAIT);
    }
}
