package com.atelier.governance.render;

import com.atelier.governance.asset.AssetStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The store step: each signed file goes to the {@link AssetStore}, which addresses it by content, so storing it
 * again after a retry keeps one copy.
 */
@ApplicationScoped
public class StoreOutputs implements RenderStep {

    private AssetStore store;
    private StepTimers timers;

    protected StoreOutputs() {
        // for CDI proxies
    }

    @Inject
    public StoreOutputs(AssetStore store, StepTimers timers) {
        this.store = store;
        this.timers = timers;
    }

    @Override
    public RenderWork apply(RenderWork work) {
        return work.eachOutput(image -> timers.time("store", image.model(), () -> image.storedAs(
                store.put(image.signed().orElseThrow(() -> new IllegalStateException(
                        "image " + image.model() + "#" + image.position() + " reached the store unsigned"))))));
    }
}
