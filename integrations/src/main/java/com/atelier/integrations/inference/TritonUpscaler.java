package com.atelier.integrations.inference;

import com.atelier.governance.asset.Upscaler;
import com.atelier.inference.contract.ModelCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/** The upscaler port on Triton's {@code upscaler_4x} model, through the inference client. */
@ApplicationScoped
public class TritonUpscaler implements Upscaler {

    private static final Duration DEADLINE = Duration.ofMinutes(2);

    private TritonConnection triton;

    protected TritonUpscaler() {
        // for CDI proxies
    }

    @Inject
    public TritonUpscaler(TritonConnection triton) {
        this.triton = triton;
    }

    @Override
    public int maxInputSide() {
        return ModelCatalog.UPSCALE_MAX_INPUT_SIDE;
    }

    @Override
    public byte[] upscale(byte[] png) {
        return triton.client().upscale(png, DEADLINE);
    }
}
