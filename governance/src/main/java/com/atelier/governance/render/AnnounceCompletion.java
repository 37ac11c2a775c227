package com.atelier.governance.render;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The notify step: a job this delivery recorded is announced to its webhook, if it has one. A request waiting in
 * sync mode on this node is woken by the record's commit itself ({@code JobCompletions}), not here.
 */
@ApplicationScoped
public class AnnounceCompletion implements RenderStep {

    private FinishedJobNotices notices;

    protected AnnounceCompletion() {
        // for CDI proxies
    }

    @Inject
    public AnnounceCompletion(FinishedJobNotices notices) {
        this.notices = notices;
    }

    @Override
    public RenderWork apply(RenderWork work) {
        if (work.recorded() && work.ticket().wantsWebhook()) {
            notices.announce(work.ticket().jobId());
        }
        return work;
    }
}
