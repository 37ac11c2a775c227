package com.atelier.governance.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks for a sealing round every two seconds, so events left waiting by a failed round, a crashed node or a
 * request that did not wait are chained without anyone asking.
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema")
public class AuditSealSweep {

    private static final long EVERY_SECONDS = 2;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private AuditSealer sealer;
    private ScheduledFuture<?> sweep;

    public AuditSealSweep() {
        // for the EJB container
    }

    @Inject
    public AuditSealSweep(AuditSealer sealer) {
        this.sealer = sealer;
    }

    @PostConstruct
    void start() {
        sweep = scheduler.scheduleWithFixedDelay(sealer::requestRound, 0, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (sweep != null) {
            sweep.cancel(false);
        }
    }
}
