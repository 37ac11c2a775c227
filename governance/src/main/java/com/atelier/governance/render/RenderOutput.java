package com.atelier.governance.render;

import com.atelier.governance.generation.RenderedImage;
import com.atelier.governance.provenance.ProvenanceManifest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One image on its way through the render chain: what the renderer made, then what the checks found, the manifest
 * prepared for it, the signed file and where the store put it. Each step returns a copy with its part filled in,
 * so a step retried after a failure starts from the same input.
 *
 * @param pixels    the file the renderer returned (PNG), unsigned; not copied
 * @param gpuMillis this image's share of the GPU time the renderer reported
 */
public record RenderOutput(String model, String modelVersion, int position, long seed, int width, int height,
                           byte[] pixels, long gpuMillis, Optional<List<String>> blockReasons,
                           Optional<ProvenanceManifest> manifest, Optional<byte[]> signed,
                           Optional<String> contentHash) {

    public static final String MEDIA_TYPE = "image/png";

    public RenderOutput {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(pixels, "pixels");
        blockReasons = blockReasons.map(List::copyOf);
    }

    /** A freshly rendered image, not yet checked, signed or stored. */
    public static RenderOutput rendered(String model, String modelVersion, int position, long seed, int width,
                                        int height, byte[] png, long gpuMillis) {
        return new RenderOutput(model, modelVersion, position, seed, width, height, png, gpuMillis, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    RenderOutput checked(List<String> reasons, ProvenanceManifest prepared) {
        return new RenderOutput(model, modelVersion, position, seed, width, height, pixels, gpuMillis,
                Optional.of(reasons), Optional.of(prepared), signed, contentHash);
    }

    RenderOutput signedAs(byte[] file) {
        return new RenderOutput(model, modelVersion, position, seed, width, height, pixels, gpuMillis, blockReasons,
                manifest, Optional.of(file), contentHash);
    }

    RenderOutput storedAs(String hash) {
        return new RenderOutput(model, modelVersion, position, seed, width, height, pixels, gpuMillis, blockReasons,
                manifest, signed, Optional.of(hash));
    }

    /** Why the checks blocked this image, as one sentence list for reviewers; empty when it passed. */
    public Optional<String> blockedReason() {
        return blockReasons.filter(reasons -> !reasons.isEmpty()).map(reasons -> String.join("; ", reasons));
    }

    /** The record of a stored image, as the ledger writes it; only after the store step. */
    RenderedImage toRenderedImage() {
        String hash = contentHash.orElseThrow(() -> new IllegalStateException(
                "image " + model + "#" + position + " is recorded before it was stored"));
        if (blockReasons.isEmpty()) {
            throw new IllegalStateException("image " + model + "#" + position + " is recorded before it was checked");
        }
        return new RenderedImage(model, modelVersion, position, seed, hash, MEDIA_TYPE, width, height,
                blockedReason(), gpuMillis);
    }
}
