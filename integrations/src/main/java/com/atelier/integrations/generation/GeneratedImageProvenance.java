package com.atelier.integrations.generation;

import com.atelier.governance.generation.GenerationSpec;
import com.atelier.governance.generation.JobTicket;
import com.atelier.governance.provenance.ContentCredentials;
import com.atelier.governance.provenance.ProvenanceManifest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * The provenance step of the generation route: each image Triton returns gets C2PA Content Credentials naming the
 * model, its version, the LoRAs (by SHA-256), the prompt's fingerprint, the workspace, the job and the requester.
 */
@ApplicationScoped
public class GeneratedImageProvenance {

    static final String GENERATOR_VERSION = "0.1.0";

    private ContentCredentials credentials;

    protected GeneratedImageProvenance() {
        // for CDI proxies
    }

    @Inject
    public GeneratedImageProvenance(ContentCredentials credentials) {
        this.credentials = credentials;
    }

    public byte[] sign(JobTicket ticket, String model, String modelVersion, byte[] png) {
        GenerationSpec spec = ticket.spec();
        List<ProvenanceManifest.LoraUse> loras = spec.loras().stream()
                .map(l -> new ProvenanceManifest.LoraUse(l.name(), l.sha256() == null ? "" : l.sha256()))
                .toList();
        var details = ProvenanceManifest.GenerationDetails.of(model, modelVersion, loras, spec.prompt(),
                spec.promptInManifest(), ticket.workspace(), ticket.jobId().toString(), Optional.empty(),
                ticket.requester());
        var manifest = ProvenanceManifest.forGeneratedImage("Atelier " + model + " image, job " + ticket.jobId(),
                ProvenanceManifest.PNG, GENERATOR_VERSION, details);
        return credentials.signPng(png, manifest);
    }
}
