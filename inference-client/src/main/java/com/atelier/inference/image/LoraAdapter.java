package com.atelier.inference.image;

/** A LoRA adapter applied to a generation, by the name the Triton pipeline knows it under, with its weight. */
public record LoraAdapter(String name, float weight) {

    public LoraAdapter {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A LoRA adapter needs a name");
        }
    }
}
