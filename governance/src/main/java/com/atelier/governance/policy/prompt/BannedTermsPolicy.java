package com.atelier.governance.policy.prompt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The portal-wide list of terms no prompt may contain (policy/banned-terms.txt), matched as whole words with the
 * prompt rules' normalisation (case, accents, look-alikes, leetspeak, spacing tricks). Not a CDI bean: the
 * workspace prompt policy ({@code policy.WorkspacePromptPolicy}) checks it first and then the workspace's brand
 * policy.
 */
public class BannedTermsPolicy implements PromptPolicy {

    private final List<Term> terms;

    public BannedTermsPolicy() {
        this(load());
    }

    BannedTermsPolicy(List<String> terms) {
        this.terms = terms.stream().map(Term::of).toList();
    }

    /** The portal's terms, compiled. */
    public List<Term> terms() {
        return terms;
    }

    @Override
    public Optional<String> refusal(String workspace, String prompt, String negativePrompt) {
        return PromptRules.first(terms, PromptText.of(prompt)).map(PromptRules::portalMessage);
    }

    private static List<String> load() {
        try (var in = Objects.requireNonNull(BannedTermsPolicy.class.getResourceAsStream("/policy/banned-terms.txt"),
                "policy/banned-terms.txt is packaged with governance");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
