package com.atelier.governance.library.lora;

/**
 * A LoRA adapter a generation asks for by name, and the weight to blend it in with; the library pins it to a
 * published version ({@link ResolvedLora}).
 */
public record RequestedLora(String name, float weight) {
}
