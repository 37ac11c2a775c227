package com.atelier.governance.policy.prompt;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The prompt rules of one workspace at one policy version, compiled once and then applied to any number of
 * prompts. Checks run in a fixed order and the first refusal wins: length, portal banned terms, the workspace's
 * banned terms, competitor marks, regex rules, trigger words. The prefix and suffix are applied first, so every
 * check sees the prompt that would be rendered. The negative prompt is not checked (see docs/brand-safety.md).
 */
public final class PromptRules {

    /** The portal's limit on a prompt, in characters: no brand policy, template or request may go beyond it. */
    public static final int PORTAL_MAX_LENGTH = 2000;

    /** How many characters a regex rule may look at (backtracking included) before it is given up on. */
    static final int REGEX_STEP_BUDGET = 1_000_000;

    private final List<Term> portalTerms;
    private final List<Term> bannedTerms;
    private final List<Term> competitorMarks;
    private final List<CompiledRule> regexRules;
    private final List<Term> triggerWords;
    private final String prefix;
    private final String suffix;
    private final int maxLength;
    private final String source;

    private record CompiledRule(RegexRule rule, Pattern pattern) {
    }

    private PromptRules(Builder builder) {
        this.portalTerms = List.copyOf(builder.portalTerms);
        this.bannedTerms = builder.bannedTerms.stream().map(Term::of).toList();
        this.competitorMarks = builder.competitorMarks.stream().map(Term::of).toList();
        this.regexRules = builder.regexRules.stream().map(r -> new CompiledRule(r, r.compiled())).toList();
        this.triggerWords = builder.triggerWords.stream().map(Term::of).toList();
        this.prefix = builder.prefix.strip();
        this.suffix = builder.suffix.strip();
        this.maxLength = builder.maxLength;
        this.source = builder.source;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Applies the prefix and suffix, then every check, to a prompt. */
    public PromptDecision check(String prompt) {
        String effective = effectivePrompt(prompt);
        if (effective.length() > maxLength) {
            return PromptDecision.refused("prompt longer than " + maxLength, "The prompt is " + effective.length()
                    + " characters long" + (prefix.isEmpty() && suffix.isEmpty() ? "" : " with the brand prefix and suffix")
                    + "; " + source + " allows at most " + maxLength + ". Shorten it.", effective);
        }
        PromptText text = PromptText.of(effective);
        Optional<Term> portal = first(portalTerms, text);
        if (portal.isPresent()) {
            return PromptDecision.refused("banned term '" + portal.get().text() + "'", portalMessage(portal.get()),
                    effective);
        }
        Optional<Term> banned = first(bannedTerms, text);
        if (banned.isPresent()) {
            return PromptDecision.refused("banned term '" + banned.get().text() + "'", "The prompt contains the banned"
                    + " term '" + banned.get().text() + "' (rule: " + source + "). Rephrase it without that term.",
                    effective);
        }
        Optional<Term> mark = first(competitorMarks, text);
        if (mark.isPresent()) {
            return PromptDecision.refused("competitor mark '" + mark.get().text() + "'", "The prompt names the"
                    + " competitor mark '" + mark.get().text() + "' (rule: " + source + "). Leave competitors' brands"
                    + " out of the prompt.", effective);
        }
        for (CompiledRule regex : regexRules) {
            Optional<PromptDecision> refusal = regexRefusal(regex, text, effective);
            if (refusal.isPresent()) {
                return refusal.get();
            }
        }
        if (!triggerWords.isEmpty() && first(triggerWords, text).isEmpty()) {
            String oneOf = triggerWords.stream().map(Term::text).collect(Collectors.joining(", "));
            return PromptDecision.refused("missing trigger word (one of " + oneOf + ")", "The prompt needs one of the"
                    + " brand's trigger words (" + oneOf + ") so that the brand style applies (rule: " + source
                    + "). Add one.", effective);
        }
        return PromptDecision.allowed(effective);
    }

    /** The message for a portal-wide banned term, the same wherever the portal list is checked. */
    public static String portalMessage(Term term) {
        return "The prompt contains the banned term '" + term.text() + "' (rule: portal banned terms). Rephrase it"
                + " without that term.";
    }

    /** The first of the terms found in the text. */
    public static Optional<Term> first(List<Term> terms, PromptText text) {
        return terms.stream().filter(term -> term.foundIn(text)).findFirst();
    }

    /**
     * The prompt with the prefix and suffix added, each only where the prompt does not already carry it (so an
     * effective prompt sent again is not prefixed twice).
     */
    public String effectivePrompt(String prompt) {
        String effective = prompt.strip();
        if (!prefix.isEmpty() && !startsWithIgnoringCase(effective, prefix)) {
            effective = effective.isEmpty() ? prefix : prefix + " " + effective;
        }
        if (!suffix.isEmpty() && !endsWithIgnoringCase(effective, suffix)) {
            effective = effective.isEmpty() ? suffix : effective + " " + suffix;
        }
        return effective;
    }

    private Optional<PromptDecision> regexRefusal(CompiledRule regex, PromptText text, String effective) {
        String rule = "regex rule '" + regex.rule().name() + "': " + regex.rule().message();
        try {
            // Both the text as written (minus invisible characters) and its skeleton, so that look-alikes and
            // accents do not slip past a rule written for plain letters.
            if (finds(regex.pattern(), text.visible()) || finds(regex.pattern(), text.skeletonWords())) {
                return Optional.of(PromptDecision.refused(rule, "The prompt breaks the brand rule '"
                        + regex.rule().name() + "': " + regex.rule().message() + " (rule: " + source + ").", effective));
            }
            return Optional.empty();
        } catch (StepBudgetExceeded e) {
            // Fail closed: a rule that cannot be evaluated must not let the prompt through unchecked.
            return Optional.of(PromptDecision.refused(rule, "The brand rule '" + regex.rule().name() + "' took too"
                    + " long to evaluate on this prompt, so the prompt was not accepted. Ask a brand manager to"
                    + " simplify the rule (rule: " + source + ").", effective));
        }
    }

    private static boolean finds(Pattern pattern, String text) {
        return pattern.matcher(new BudgetedText(text, new int[]{REGEX_STEP_BUDGET})).find();
    }

    private static boolean startsWithIgnoringCase(String text, String start) {
        return text.regionMatches(true, 0, start, 0, start.length());
    }

    private static boolean endsWithIgnoringCase(String text, String end) {
        return text.length() >= end.length()
                && text.regionMatches(true, text.length() - end.length(), end, 0, end.length());
    }

    /** Thrown inside a regex evaluation that ran out of steps; catastrophic backtracking ends here. */
    private static final class StepBudgetExceeded extends RuntimeException {
        StepBudgetExceeded() {
            super(null, null, false, false);
        }
    }

    /** A text that counts the characters a matcher reads and stops it when the budget is spent. */
    private record BudgetedText(String text, int[] budget) implements CharSequence {

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) {
                throw new StepBudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BudgetedText(text.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Collects the rules; lists may be empty, prefix and suffix blank, and the length defaults to the portal's. */
    public static final class Builder {
        private List<Term> portalTerms = List.of();
        private List<String> bannedTerms = List.of();
        private List<String> competitorMarks = List.of();
        private List<RegexRule> regexRules = List.of();
        private List<String> triggerWords = List.of();
        private String prefix = "";
        private String suffix = "";
        private int maxLength = PORTAL_MAX_LENGTH;
        private String source = "the workspace's brand policy";

        private Builder() {
        }

        public Builder portalTerms(List<Term> terms) {
            this.portalTerms = List.copyOf(terms);
            return this;
        }

        public Builder bannedTerms(List<String> terms) {
            this.bannedTerms = List.copyOf(terms);
            return this;
        }

        public Builder bannedTerms(String... terms) {
            return bannedTerms(Arrays.asList(terms));
        }

        public Builder competitorMarks(List<String> marks) {
            this.competitorMarks = List.copyOf(marks);
            return this;
        }

        public Builder competitorMarks(String... marks) {
            return competitorMarks(Arrays.asList(marks));
        }

        public Builder regexRules(List<RegexRule> rules) {
            this.regexRules = List.copyOf(rules);
            return this;
        }

        public Builder regexRules(RegexRule... rules) {
            return regexRules(Arrays.asList(rules));
        }

        public Builder triggerWords(List<String> words) {
            this.triggerWords = List.copyOf(words);
            return this;
        }

        public Builder triggerWords(String... words) {
            return triggerWords(Arrays.asList(words));
        }

        public Builder prefix(String prefix) {
            this.prefix = prefix == null ? "" : prefix;
            return this;
        }

        public Builder suffix(String suffix) {
            this.suffix = suffix == null ? "" : suffix;
            return this;
        }

        public Builder maxLength(int maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        /** How refusals name the policy, e.g. "brand policy v3 of workspace 'acme'". */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public PromptRules build() {
            return new PromptRules(this);
        }
    }
}
