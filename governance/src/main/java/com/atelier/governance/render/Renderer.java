package com.atelier.governance.render;

import com.atelier.governance.generation.GenerationSpec;

import java.util.List;

/**
 * Where pixels come from: a port that integrations implements over the Triton client. It renders all of a spec's
 * images for one model, in position order; image i of a job gets seed + i, so a retry renders the same pictures.
 * An outage is thrown as the inference client's unavailable exception, for the route to retry.
 */
public interface Renderer {

    Rendering render(String model, GenerationSpec spec);

    /** The images of one model and the GPU time the inference server reported for all of them. */
    record Rendering(List<RenderOutput> images, long gpuMillis) {
        public Rendering {
            images = List.copyOf(images);
        }
    }
}
