package com.atelier.governance.library.lora;

/**
 * A LoRA choice of a generation request, resolved to the exact published file to load: the inference side fetches
 * {@code sha256} from the asset store (it is the file's content address) and blends it in with {@code weight}.
 */
public record ResolvedLora(String name, long adapterId, int version, long versionId, String sha256, long sizeBytes,
                           int rank, String triggerWord, BaseFamily family, float weight) {

    /** The key of the file in the asset store; the same value as {@link #sha256()}. */
    public String contentHash() {
        return sha256;
    }
}
