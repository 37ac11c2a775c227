package com.atelier.governance.generation;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The portal-wide list of terms no prompt may contain (policy/banned-terms.txt), matched as whole words without
 * regard to case. Per-workspace brand policies (competitor marks, required trigger words, regex rules) extend this.
 */
@ApplicationScoped
public class BannedTermsPolicy implements PromptPolicy {

    private record Term(String text, Pattern pattern) {
    }

    private final List<Term> terms;

    public BannedTermsPolicy() {
        this(load());
    }

    BannedTermsPolicy(List<String> terms) {
        this.terms = terms.stream()
                .map(t -> t.toLowerCase(Locale.ROOT))
                .map(t -> new Term(t, Pattern.compile("\\b" + Pattern.quote(t) + "\\b")))
                .toList();
    }

    @Override
    public Optional<String> refusal(String workspace, String prompt, String negativePrompt) {
        String text = prompt.toLowerCase(Locale.ROOT);
        return terms.stream()
                .filter(term -> term.pattern().matcher(text).find())
                .findFirst()
                .map(term -> "The prompt contains the banned term '" + term.text()
                        + "' (rule: portal banned terms). Rephrase it without that term.");
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
