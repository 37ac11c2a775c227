package com.atelier.governance.render;

import com.atelier.governance.generation.JobLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * The record step: the stored images become assets and the job SUCCEEDED, in one transaction and once. A second
 * delivery of a job that an earlier one completed writes nothing, so no asset is ever made twice.
 */
@ApplicationScoped
public class RecordAssets implements RenderStep {

    private static final Logger LOG = Logger.getLogger(RecordAssets.class.getName());

    private JobLedger ledger;
    private StepTimers timers;

    protected RecordAssets() {
        // for CDI proxies
    }

    @Inject
    public RecordAssets(JobLedger ledger, StepTimers timers) {
        this.ledger = ledger;
        this.timers = timers;
    }

    @Override
    public RenderWork apply(RenderWork work) {
        var images = work.outputs().stream().map(RenderOutput::toRenderedImage).toList();
        String models = String.join(",", work.ticket().spec().models());
        boolean written = timers.time("record", models,
                () -> ledger.complete(work.ticket().jobId(), images, work.gpuMillis()));
        if (!written) {
            LOG.info(() -> "job " + work.ticket().jobId() + " was completed by an earlier delivery;"
                    + " this rendering is discarded");
        }
        return work.asRecorded(written);
    }
}
