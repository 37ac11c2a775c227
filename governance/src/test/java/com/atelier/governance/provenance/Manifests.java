package com.atelier.governance.provenance;

import com.atelier.governance.digest.Sha256;
import java.util.List;
import java.util.Optional;

/** Test manifests with plausible generation details. */
final class Manifests {

    private Manifests() {
    }

    static ProvenanceManifest.GenerationDetails generation() {
        return ProvenanceManifest.GenerationDetails.of("flux2", "2.0.1",
                List.of(new ProvenanceManifest.LoraUse("brand-style", Sha256.hex("brand-style weights"))),
                "a lighthouse at dusk in brand colours", true, "acme-marketing", "job-42", Optional.of("asset-7"),
                "designer@acme.example");
    }

    static ProvenanceManifest generated(String format) {
        return ProvenanceManifest.forGeneratedImage("lighthouse." + (format.endsWith("png") ? "png" : "jpg"),
                format, "0.1.0", generation());
    }

    static ProvenanceManifest derived(String format, byte[] parentFile, String parentFormat) {
        ProvenanceManifest.GenerationDetails upscale = ProvenanceManifest.GenerationDetails.of("realesrgan", "4x",
                List.of(), "upscale 2x", false, "acme-marketing", "job-43", Optional.empty(), "designer@acme.example");
        return ProvenanceManifest.forDerivedImage("lighthouse-2x.png", format, "0.1.0", upscale,
                new ProvenanceManifest.ParentIngredient("lighthouse.png", parentFormat, parentFile),
                List.of(ProvenanceManifest.ImageEdit.RESIZED, ProvenanceManifest.ImageEdit.COLOR_ADJUSTED));
    }
}
