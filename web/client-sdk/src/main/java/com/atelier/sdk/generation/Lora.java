package com.atelier.sdk.generation;

/** A LoRA adapter from the workspace's library and the weight it is blended in with (the server's default is 1). */
public record Lora(String name, Float weight) {
}
