package com.atelier.governance.render;

import com.atelier.governance.asset.AssetExport;
import com.atelier.governance.generation.GenerationSpec;
import com.atelier.governance.generation.JobTicket;
import com.atelier.governance.provenance.ProvenanceManifest;

import java.util.List;
import java.util.Optional;

/**
 * The C2PA manifest of a generated image ({@code c2pa.created}): the model and its version, the LoRAs by SHA-256,
 * the prompt's fingerprint (its text only where the brand policy allows it), the workspace, the job and the
 * requester.
 */
public final class GenerationManifests {

    private GenerationManifests() {
    }

    static ProvenanceManifest prepare(JobTicket ticket, RenderOutput image) {
        GenerationSpec spec = ticket.spec();
        List<ProvenanceManifest.LoraUse> loras = spec.loras().stream()
                .map(l -> new ProvenanceManifest.LoraUse(l.name(), l.sha256() == null ? "" : l.sha256()))
                .toList();
        return generated(image.model(), image.modelVersion(), loras, spec.prompt(), spec.promptInManifest(),
                ticket.workspace(), ticket.jobId().toString(), ticket.requester());
    }

    /** The manifest for one image of a job, as the render chain signs it (public for the benchmark's signing). */
    public static ProvenanceManifest generated(String model, String modelVersion,
                                               List<ProvenanceManifest.LoraUse> loras, String prompt,
                                               boolean promptInManifest, String workspace, String jobId,
                                               String requester) {
        var details = ProvenanceManifest.GenerationDetails.of(model, modelVersion, loras, prompt, promptInManifest,
                workspace, jobId, Optional.empty(), requester);
        return ProvenanceManifest.forGeneratedImage("Atelier " + model + " image, job " + jobId,
                ProvenanceManifest.PNG, AssetExport.GENERATOR_VERSION, details);
    }
}
