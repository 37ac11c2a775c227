package com.atelier.governance.library.lora;

import java.util.Map;

/**
 * What inspection found in a LoRA file that passed it.
 *
 * @param layerCount how many adapted layers (down/up pairs) it holds
 * @param keyFormat  {@code kohya} (lora_down/lora_up), {@code peft} (lora_A/lora_B) or {@code mixed}
 */
public record LoraStructure(int rank, int layerCount, String keyFormat, BaseFamily family,
                            Map<String, String> metadata) {
}
