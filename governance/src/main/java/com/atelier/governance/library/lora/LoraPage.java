package com.atelier.governance.library.lora;

import java.util.List;

/** One page of adapters. */
public record LoraPage(List<LoraAdapter> items, int page, int size, long total) {
}
