package com.atelier.web.api;

import com.atelier.governance.library.lora.LoraAdapter;
import com.atelier.governance.library.lora.LoraDetails;
import com.atelier.governance.library.lora.LoraVersion;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A LoRA adapter as the API shows it; the details (versions, compatibility, previews) only on GET /loras/{id}. */
public record LoraView(long id, String workspace, String name, String triggerWord, String family, String description,
                       boolean shared, String createdBy, Instant createdAt, int ratingCount, float ratingAverage,
                       long useCount, List<Version> versions, List<LoraDetails.ModelCompatibility> compatibility,
                       Integer myStars, List<URI> previews) {

    /** One file of the adapter. */
    public record Version(int version, String state, String sha256, long sizeBytes, int rank, int layers,
                          String keyFormat, Integer datasetSize, Integer trainingSteps, String trainedBy,
                          UUID trainingRunId, String uploadedBy, Instant uploadedAt, String publishedBy,
                          Instant publishedAt, String deprecatedBy, Instant deprecatedAt, Long uses) {

        static Version of(LoraVersion v, Long uses) {
            var p = v.provenance();
            return new Version(v.version(), v.state().name(), v.contentHash(), v.sizeBytes(), v.rank(),
                    v.layerCount(), v.keyFormat(), p.datasetSize().orElse(null), p.steps().orElse(null),
                    p.trainedBy().orElse(null), p.trainingRunId().orElse(null), v.uploadedBy(), v.uploadedAt(),
                    v.publishedBy().orElse(null), v.publishedAt().orElse(null), v.deprecatedBy().orElse(null),
                    v.deprecatedAt().orElse(null), uses);
        }
    }

    static LoraView of(LoraAdapter a) {
        return new LoraView(a.id(), a.workspace().slug(), a.name(), a.triggerWord(), a.family().code(),
                a.description(), a.shared(), a.createdBy(), a.createdAt(), a.ratingCount(), a.ratingAverage(),
                a.useCount(), null, null, null, null);
    }

    static LoraView of(LoraDetails d, String workspace, URI base) {
        Map<Integer, Long> uses = d.usesByVersion();
        LoraView summary = of(d.adapter());
        return new LoraView(summary.id(), summary.workspace(), summary.name(), summary.triggerWord(),
                summary.family(), summary.description(), summary.shared(), summary.createdBy(), summary.createdAt(),
                summary.ratingCount(), summary.ratingAverage(), summary.useCount(),
                d.versions().stream().map(v -> Version.of(v, uses.getOrDefault(v.version(), 0L))).toList(),
                d.compatibility(), d.myStars().orElse(null),
                d.previews().stream().map(id -> base.resolve("workspaces/" + workspace + "/assets/" + id + "/preview"))
                        .toList());
    }
}
