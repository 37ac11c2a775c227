package com.atelier.governance.render;

import com.atelier.governance.provenance.ContentCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The signing step: each image gets the C2PA Content Credentials prepared during the checks, bound to exactly the
 * pixels that were checked and will be stored. Blocked images are signed too: compliance verifies them as well.
 */
@ApplicationScoped
public class SignOutputs implements RenderStep {

    private ContentCredentials credentials;
    private StepTimers timers;

    protected SignOutputs() {
        // for CDI proxies
    }

    @Inject
    public SignOutputs(ContentCredentials credentials, StepTimers timers) {
        this.credentials = credentials;
        this.timers = timers;
    }

    @Override
    public RenderWork apply(RenderWork work) {
        return work.eachOutput(image -> timers.time("sign", image.model(), () -> image.signedAs(
                credentials.signPng(image.pixels(), image.manifest().orElseThrow(() -> new IllegalStateException(
                        "image " + image.model() + "#" + image.position() + " reached signing unchecked"))))));
    }
}
