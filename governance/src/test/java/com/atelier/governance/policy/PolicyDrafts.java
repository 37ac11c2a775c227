package com.atelier.governance.policy;

import com.atelier.governance.policy.prompt.RegexRule;

import java.util.List;

/** Builds brand policy drafts for tests: start from {@link #draft()} and change what the test is about. */
final class PolicyDrafts {

    private List<String> bannedTerms = List.of();
    private List<String> competitorMarks = List.of();
    private List<RegexRule> regexRules = List.of();
    private List<String> triggerWords = List.of();
    private String prefix;
    private String suffix;
    private Integer maxPromptLength;
    private List<String> palette = List.of();
    private Double threshold;
    private Boolean allowPromptInManifest;

    static PolicyDrafts draft() {
        return new PolicyDrafts();
    }

    PolicyDrafts banned(String... terms) {
        bannedTerms = List.of(terms);
        return this;
    }

    PolicyDrafts competitors(String... marks) {
        competitorMarks = List.of(marks);
        return this;
    }

    PolicyDrafts regex(String name, String pattern, String message) {
        regexRules = List.of(new RegexRule(name, pattern, message));
        return this;
    }

    PolicyDrafts regexRules(RegexRule... rules) {
        regexRules = List.of(rules);
        return this;
    }

    PolicyDrafts triggers(String... words) {
        triggerWords = List.of(words);
        return this;
    }

    PolicyDrafts prefix(String prefix) {
        this.prefix = prefix;
        return this;
    }

    PolicyDrafts suffix(String suffix) {
        this.suffix = suffix;
        return this;
    }

    PolicyDrafts maxPromptLength(Integer max) {
        this.maxPromptLength = max;
        return this;
    }

    PolicyDrafts palette(String... colours) {
        palette = List.of(colours);
        return this;
    }

    PolicyDrafts threshold(Double threshold) {
        this.threshold = threshold;
        return this;
    }

    PolicyDrafts allowPromptInManifest(boolean allow) {
        this.allowPromptInManifest = allow;
        return this;
    }

    BrandPolicyDraft build() {
        return new BrandPolicyDraft(bannedTerms, competitorMarks, regexRules, triggerWords, prefix, suffix,
                maxPromptLength, palette, threshold, allowPromptInManifest);
    }

    BrandPolicy policy() {
        return build().toPolicy();
    }
}
