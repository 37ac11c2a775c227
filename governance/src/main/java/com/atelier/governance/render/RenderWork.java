package com.atelier.governance.render;

import com.atelier.governance.generation.JobTicket;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One job going through the render chain: its ticket, the images made so far, the GPU time Triton reported, and
 * whether the record step wrote it (false when an earlier delivery of the same job already had).
 */
public record RenderWork(JobTicket ticket, List<RenderOutput> outputs, long gpuMillis, boolean recorded) {

    public RenderWork {
        Objects.requireNonNull(ticket, "ticket");
        outputs = List.copyOf(outputs);
    }

    /** A started job with nothing rendered yet. */
    public static RenderWork started(JobTicket ticket) {
        return new RenderWork(ticket, List.of(), 0, false);
    }

    RenderWork withOutputs(List<RenderOutput> rendered, long gpu) {
        return new RenderWork(ticket, rendered, gpu, recorded);
    }

    RenderWork eachOutput(UnaryOperator<RenderOutput> step) {
        return new RenderWork(ticket, outputs.stream().map(step).toList(), gpuMillis, recorded);
    }

    RenderWork withOutputs(List<RenderOutput> replaced) {
        return new RenderWork(ticket, replaced, gpuMillis, recorded);
    }

    RenderWork asRecorded(boolean written) {
        return new RenderWork(ticket, outputs, gpuMillis, written);
    }
}
