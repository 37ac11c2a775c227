package com.atelier.inference.contract;

/** What a served model does, which decides the request the typed client builds for it. */
public enum ModelKind {
    TEXT_TO_IMAGE,
    SAFETY_CLASSIFIER,
    UPSCALER
}
