package com.atelier.integrations.quota;

import com.atelier.governance.failure.QuotaExceededException;
import com.atelier.governance.quota.GenerationQuota;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The generation quotas, counted in the replicated Infinispan cache {@code atelier/quotas} of WildFly's Infinispan
 * subsystem (provisioned by the build; entries expire after two days). Days are UTC days.
 */
@ApplicationScoped
public class InfinispanGenerationQuota implements GenerationQuota {

    private static final Logger LOG = Logger.getLogger(InfinispanGenerationQuota.class.getName());

    @Resource(lookup = "java:jboss/infinispan/cache/atelier/quotas")
    private ConcurrentMap<String, Long> cache;

    private Clock clock;
    private int defaultImagesPerDay;
    private int jobsInFlightPerUser;
    private QuotaCounters counters;

    protected InfinispanGenerationQuota() {
        // for CDI proxies
    }

    @Inject
    public InfinispanGenerationQuota(Clock clock,
                                     @ConfigProperty(name = "atelier.quota.images-per-day", defaultValue = "2000")
                                     int defaultImagesPerDay,
                                     @ConfigProperty(name = "atelier.quota.jobs-in-flight-per-user", defaultValue = "20")
                                     int jobsInFlightPerUser) {
        this.clock = clock;
        this.defaultImagesPerDay = defaultImagesPerDay;
        this.jobsInFlightPerUser = jobsInFlightPerUser;
    }

    @PostConstruct
    void connect() {
        counters = new QuotaCounters(cache);
    }

    @Override
    public void reserve(String workspace, Integer dailyImageLimit, Integer inFlightLimit, String user, int images) {
        int limit = dailyImageLimit != null ? dailyImageLimit : defaultImagesPerDay;
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String daily = "images:" + workspace + ":" + today;
        if (!counters.tryAdd(daily, images, limit)) {
            throw new QuotaExceededException("Workspace '" + workspace + "' has used " + counters.value(daily) + " of its "
                    + limit + " images for " + today + " (UTC); this request needs " + images + ". The quota resets at"
                    + " midnight UTC.", Duration.between(clock.instant(),
                    today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        // counted per person across workspaces; the workspace submitted to says how many are too many
        String inFlight = "in-flight:" + user;
        int inFlightMost = inFlightLimit != null ? inFlightLimit : jobsInFlightPerUser;
        if (!counters.tryAdd(inFlight, 1, inFlightMost)) {
            counters.subtract(daily, images);
            throw new QuotaExceededException("You have " + inFlightMost + " generation jobs queued or running,"
                    + " the most one person may have; submit more when some have finished.", Duration.ofSeconds(5));
        }
    }

    @Override
    public DailyUse today(String workspace, Integer dailyImageLimit) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return new DailyUse(counters.value("images:" + workspace + ":" + today),
                dailyImageLimit != null ? dailyImageLimit : defaultImagesPerDay);
    }

    @Override
    public void jobFinished(String user) {
        try {
            counters.subtract("in-flight:" + user, 1);
        } catch (RuntimeException e) {
            // A job's result must never be lost over a counter: at worst the user's in-flight count stays one high
            // until the entry expires.
            LOG.log(Level.WARNING, "could not release an in-flight slot of " + user, e);
        }
    }
}
