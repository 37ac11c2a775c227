package com.atelier.governance.generation;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** Stores a spec as JSON in the job row, so the worker renders exactly what was accepted. */
final class SpecJson {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private SpecJson() {
    }

    static String write(GenerationSpec spec) {
        return JSONB.toJson(spec);
    }

    static GenerationSpec read(String json) {
        return JSONB.fromJson(json, GenerationSpec.class);
    }
}
