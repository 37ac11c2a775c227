package com.atelier.governance.provenance;

import com.atelier.governance.digest.Sha256;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Atelier asserts about one image it signs: that it was made by a trained model (or derived from an earlier
 * Atelier image), by which job, for whom, and that it may not be used to train or mine. {@link ManifestSigner} turns
 * it into a C2PA manifest.
 *
 * @param title     a name for the image ({@code dc:title}), e.g. the asset's file name
 * @param format    the media type of the signed file: {@code image/png} or {@code image/jpeg}
 * @param generator the claim generator: "Atelier" and its version
 * @param generation the job that produced the image (the {@code com.atelier.generation} assertion)
 * @param parent    for a derived image, the signed file it was made from ({@code parentOf} ingredient)
 * @param edits     for a derived image, what was done to the parent
 */
public record ProvenanceManifest(String title, String format, ClaimGenerator generator, GenerationDetails generation,
                                 Optional<ParentIngredient> parent, List<ImageEdit> edits) {

    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";

    public ProvenanceManifest {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(generation, "generation");
        Objects.requireNonNull(parent, "parent");
        if (!PNG.equals(format) && !JPEG.equals(format)) {
            throw new IllegalArgumentException("Atelier signs image/png and image/jpeg, not " + format);
        }
        edits = List.copyOf(edits);
        if (parent.isEmpty() && !edits.isEmpty()) {
            throw new IllegalArgumentException("edits describe a derived image; name its parent too");
        }
    }

    /** The manifest of an image a model has just generated. */
    public static ProvenanceManifest forGeneratedImage(String title, String format, String atelierVersion,
                                                       GenerationDetails generation) {
        return new ProvenanceManifest(title, format, ClaimGenerator.atelier(atelierVersion), generation,
                Optional.empty(), List.of());
    }

    /**
     * The manifest of an image made from an earlier signed one (upscaled, colour-corrected...): the earlier file's
     * manifest travels along as the {@code parentOf} ingredient.
     */
    public static ProvenanceManifest forDerivedImage(String title, String format, String atelierVersion,
                                                     GenerationDetails generation, ParentIngredient parent,
                                                     List<ImageEdit> edits) {
        if (edits.isEmpty()) {
            throw new IllegalArgumentException("a derived image records at least one edit");
        }
        return new ProvenanceManifest(title, format, ClaimGenerator.atelier(atelierVersion), generation,
                Optional.of(parent), edits);
    }

    /** The software that makes the claim ({@code claim_generator_info}). */
    public record ClaimGenerator(String name, String version) {

        public static ClaimGenerator atelier(String version) {
            return new ClaimGenerator("Atelier", version);
        }
    }

    /** A LoRA adapter applied during generation, by name and content hash. */
    public record LoraUse(String name, String sha256) {
    }

    /**
     * The {@code com.atelier.generation} assertion: which model made the image for which job. The prompt is always
     * fingerprinted; its text is included only when the workspace allows publishing prompts.
     */
    public record GenerationDetails(String model, String modelVersion, List<LoraUse> loras, String promptSha256,
                                    Optional<String> prompt, String workspace, String jobId, Optional<String> assetId,
                                    String requester) {

        public GenerationDetails {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(modelVersion, "modelVersion");
            Objects.requireNonNull(promptSha256, "promptSha256");
            Objects.requireNonNull(workspace, "workspace");
            Objects.requireNonNull(jobId, "jobId");
            Objects.requireNonNull(requester, "requester");
            loras = List.copyOf(loras);
            Objects.requireNonNull(prompt, "prompt");
            Objects.requireNonNull(assetId, "assetId");
        }

        /** Fingerprints the prompt, and keeps its text only if {@code includePromptText}. */
        public static GenerationDetails of(String model, String modelVersion, List<LoraUse> loras, String prompt,
                                           boolean includePromptText, String workspace, String jobId,
                                           Optional<String> assetId, String requester) {
            return new GenerationDetails(model, modelVersion, loras, Sha256.hex(prompt),
                    includePromptText ? Optional.of(prompt) : Optional.empty(), workspace, jobId, assetId, requester);
        }
    }

    /**
     * The signed file a derived image was made from. Its manifest store is copied into the new file's store so the
     * history stays verifiable offline.
     */
    public record ParentIngredient(String title, String format, byte[] signedFile) {

        public ParentIngredient {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(format, "format");
            signedFile = signedFile.clone();
        }

        @Override
        public byte[] signedFile() {
            return signedFile.clone();
        }
    }

    /** What was done to a parent image, as C2PA action names. */
    public enum ImageEdit {
        RESIZED("c2pa.resized"),
        /** Re-encoded in another format (e.g. the JPEG export of a PNG) without other edits. */
        TRANSCODED("c2pa.transcoded"),
        COLOR_ADJUSTED("c2pa.color_adjustments");

        private final String action;

        ImageEdit(String action) {
            this.action = action;
        }

        public String action() {
            return action;
        }
    }
}
