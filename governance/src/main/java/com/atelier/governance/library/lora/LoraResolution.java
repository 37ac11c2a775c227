package com.atelier.governance.library.lora;

import com.atelier.governance.failure.InvalidInputException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules that turn a request's LoRA choices into files to load, apart from the database: each name must be an
 * adapter the workspace can use, with a PUBLISHED version, of the family of every requested model, at a weight in
 * [-2, 2]. The newest published version wins. Refusals name the LoRA and the reason, on field {@code loras}.
 */
final class LoraResolution {

    static final float MAX_WEIGHT = 2f;

    /** An adapter as resolution needs it: its versions with their states. */
    record Candidate(long adapterId, String name, String triggerWord, BaseFamily family, List<Version> versions) {
    }

    record Version(long id, int number, LoraState state, String sha256, long sizeBytes, int rank) {
    }

    private LoraResolution() {
    }

    static List<ResolvedLora> resolve(List<String> models, List<RequestedLora> choices,
                                      Function<String, Optional<Candidate>> lookup) {
        List<ResolvedLora> resolved = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RequestedLora choice : choices == null ? List.<RequestedLora>of() : choices) {
            String name = choice.name();
            if (!seen.add(name)) {
                throw invalid("LoRA '" + name + "' is listed twice; give it once with the combined weight.");
            }
            if (!Float.isFinite(choice.weight()) || Math.abs(choice.weight()) > MAX_WEIGHT) {
                throw invalid("LoRA '" + name + "': weight " + choice.weight() + " is outside [-" + MAX_WEIGHT + ", "
                        + MAX_WEIGHT + "].");
            }
            Candidate candidate = lookup.apply(name).orElseThrow(() -> invalid("Unknown LoRA '" + name + "': no"
                    + " adapter of that name in this workspace or shared with it."));
            Version published = candidate.versions().stream()
                    .filter(v -> v.state() == LoraState.PUBLISHED)
                    .max(Comparator.comparingInt(Version::number))
                    .orElseThrow(() -> invalid("LoRA '" + name + "' has no PUBLISHED version"
                            + (candidate.versions().isEmpty() ? "" : " (" + candidate.versions().stream()
                            .sorted(Comparator.comparingInt(Version::number))
                            .map(v -> "v" + v.number() + " " + v.state())
                            .collect(Collectors.joining(", ")) + ")")
                            + "; someone with PUBLISH_LORA must publish one first."));
            for (String model : models) {
                BaseFamily family = BaseFamily.ofModel(model).orElseThrow(() -> invalid("LoRA '" + name + "' cannot"
                        + " be used with model '" + model + "': LoRAs exist for " + BaseFamily.codes()
                        + " models only."));
                if (family != candidate.family()) {
                    throw invalid("LoRA '" + name + "' is trained for " + candidate.family().code() + " and cannot be"
                            + " used with model '" + model + "' (" + family.code() + "); leave it out or compare"
                            + " only " + candidate.family().code() + " models.");
                }
            }
            resolved.add(new ResolvedLora(candidate.name(), candidate.adapterId(), published.number(), published.id(),
                    published.sha256(), published.sizeBytes(), published.rank(), candidate.triggerWord(),
                    candidate.family(), choice.weight()));
        }
        return List.copyOf(resolved);
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("loras", message);
    }
}
