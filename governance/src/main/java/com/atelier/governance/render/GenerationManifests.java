package com.atelier.governance.render;

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
final class GenerationManifests {

    static final String GENERATOR_VERSION = "0.1.0";

    private GenerationManifests() {
    }

    static ProvenanceManifest prepare(JobTicket ticket, RenderOutput image) {
        GenerationSpec spec = ticket.spec();
        List<ProvenanceManifest.LoraUse> loras = spec.loras().stream()
                .map(l -> new ProvenanceManifest.LoraUse(l.name(), l.sha256() == null ? "" : l.sha256()))
                .toList();
        var details = ProvenanceManifest.GenerationDetails.of(image.model(), image.modelVersion(), loras,
                spec.prompt(), spec.promptInManifest(), ticket.workspace(), ticket.jobId().toString(),
                Optional.empty(), ticket.requester());
        return ProvenanceManifest.forGeneratedImage("Atelier " + image.model() + " image, job " + ticket.jobId(),
                ProvenanceManifest.PNG, GENERATOR_VERSION, details);
    }
}
