package com.atelier.governance.render;

/**
 * One step of the render chain after the start: takes the work as the previous step left it and returns it with
 * its own part done. A step must be safe to run again with the same input (the route retries a failed step).
 */
@FunctionalInterface
public interface RenderStep {

    RenderWork apply(RenderWork work);
}
