package com.atelier.governance.library.lora;

/** Where a LoRA version is in its life: only PUBLISHED versions can be used to generate. */
public enum LoraState {
    /** Uploaded or trained, under evaluation; not usable in generations. */
    DRAFT,
    /** Approved by someone with PUBLISH_LORA; what generations resolve to. */
    PUBLISHED,
    /** Withdrawn; kept for provenance of the images made with it, no longer resolved. */
    DEPRECATED
}
