package com.atelier.governance.policy;

import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.policy.image.Lab;
import com.atelier.governance.policy.prompt.PromptRules;
import com.atelier.governance.policy.prompt.RegexRule;
import com.atelier.governance.policy.prompt.Term;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A workspace's brand rules at one version: what prompts may not contain (banned terms, competitor marks, regex
 * rules), what they must contain (one of the trigger words), the prefix and suffix added to every prompt, the
 * longest prompt allowed, the brand palette images are measured against, and whether the prompt text may be
 * written into provenance manifests. Valid by construction: the constructor normalises and refuses bad input with
 * an {@link InvalidInputException} naming the field.
 *
 * @param maxPromptLength         the longest effective prompt (prefix and suffix included); empty means the
 *                                portal's limit ({@link PromptRules#PORTAL_MAX_LENGTH})
 * @param paletteThreshold        the share-weighted mean CIEDE2000 distance above which an image is off-brand
 * @param allowPromptInManifest   whether provenance may carry the prompt text (otherwise only its hash)
 */
public record BrandPolicy(List<String> bannedTerms, List<String> competitorMarks, List<RegexRule> regexRules,
                          List<String> triggerWords, String promptPrefix, String promptSuffix,
                          Optional<Integer> maxPromptLength, List<String> palette, double paletteThreshold,
                          boolean allowPromptInManifest) {

    public static final int MAX_TERMS = 1000;
    public static final int MAX_TERM_LENGTH = 200;
    public static final int MAX_TRIGGER_WORDS = 50;
    public static final int MAX_REGEX_RULES = 100;
    public static final int MAX_PATTERN_LENGTH = 500;
    public static final int MAX_AFFIX_LENGTH = 500;
    public static final int MAX_PALETTE = 32;
    public static final double DEFAULT_PALETTE_THRESHOLD = 20.0;
    public static final double MAX_PALETTE_THRESHOLD = 100.0;
    private static final Pattern RULE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,79}");

    /** The policy of a workspace whose brand managers have not written one: nothing beyond the portal's rules. */
    public static final BrandPolicy NONE = new BrandPolicy(List.of(), List.of(), List.of(), List.of(), "", "",
            Optional.empty(), List.of(), DEFAULT_PALETTE_THRESHOLD, false);

    public BrandPolicy {
        bannedTerms = terms("bannedTerms", "Banned term", bannedTerms, MAX_TERMS);
        competitorMarks = terms("competitorMarks", "Competitor mark", competitorMarks, MAX_TERMS);
        triggerWords = terms("triggerWords", "Trigger word", triggerWords, MAX_TRIGGER_WORDS);
        regexRules = regexRules(regexRules);
        promptPrefix = affix("promptPrefix", promptPrefix);
        promptSuffix = affix("promptSuffix", promptSuffix);
        maxPromptLength = maxPromptLength == null ? Optional.empty() : maxPromptLength;
        if (maxPromptLength.isPresent()) {
            int max = maxPromptLength.get();
            if (max < 1 || max > PromptRules.PORTAL_MAX_LENGTH) {
                throw new InvalidInputException("maxPromptLength", "maxPromptLength must be between 1 and "
                        + PromptRules.PORTAL_MAX_LENGTH + " characters (was " + max + "); leave it out for the portal's"
                        + " limit.");
            }
        }
        int affixes = promptPrefix.length() + promptSuffix.length() + 2;
        if (affixes >= maxPromptLength.orElse(PromptRules.PORTAL_MAX_LENGTH)) {
            throw new InvalidInputException("maxPromptLength", "The prompt prefix and suffix alone take " + affixes
                    + " of the " + maxPromptLength.orElse(PromptRules.PORTAL_MAX_LENGTH) + " characters a prompt may"
                    + " have, leaving no room for the designer's prompt.");
        }
        palette = palette(palette);
        if (!Double.isFinite(paletteThreshold) || paletteThreshold <= 0 || paletteThreshold > MAX_PALETTE_THRESHOLD) {
            throw new InvalidInputException("paletteThreshold", "paletteThreshold is a mean CIEDE2000 distance"
                    + " greater than 0 and at most " + MAX_PALETTE_THRESHOLD + " (was " + paletteThreshold + ");"
                    + " 10 to 25 suits most brands.");
        }
    }

    /** The limit that applies: the policy's own, or the portal's. */
    public int effectiveMaxPromptLength() {
        return maxPromptLength.orElse(PromptRules.PORTAL_MAX_LENGTH);
    }

    /** The prompt rules this policy sets, on top of the portal's banned terms. */
    public PromptRules promptRules(List<Term> portalTerms, String source) {
        return PromptRules.builder()
                .portalTerms(portalTerms)
                .bannedTerms(bannedTerms)
                .competitorMarks(competitorMarks)
                .regexRules(regexRules)
                .triggerWords(triggerWords)
                .prefix(promptPrefix)
                .suffix(promptSuffix)
                .maxLength(effectiveMaxPromptLength())
                .source(source)
                .build();
    }

    private static List<String> terms(String field, String label, List<String> terms, int max) {
        if (terms == null) {
            return List.of();
        }
        if (terms.size() > max) {
            throw new InvalidInputException(field, "At most " + max + " entries in " + field + " (got "
                    + terms.size() + ").");
        }
        Set<String> kept = new LinkedHashSet<>();
        for (int i = 0; i < terms.size(); i++) {
            String term = terms.get(i) == null ? "" : terms.get(i).strip();
            if (term.length() > MAX_TERM_LENGTH) {
                throw new InvalidInputException(field, label + " " + (i + 1) + " is " + term.length()
                        + " characters long; the limit is " + MAX_TERM_LENGTH + ".");
            }
            if (Term.isEmpty(term)) {
                throw new InvalidInputException(field, label + " " + (i + 1) + " ('" + term + "') has no letter or"
                        + " digit, so it could never match.");
            }
            kept.add(term);
        }
        return List.copyOf(kept);
    }

    private static List<RegexRule> regexRules(List<RegexRule> rules) {
        if (rules == null) {
            return List.of();
        }
        if (rules.size() > MAX_REGEX_RULES) {
            throw new InvalidInputException("regexRules", "At most " + MAX_REGEX_RULES + " regex rules (got "
                    + rules.size() + ").");
        }
        Set<String> names = new HashSet<>();
        List<RegexRule> kept = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            RegexRule rule = rules.get(i);
            if (rule == null || rule.name() == null || !RULE_NAME.matcher(rule.name().strip()).matches()) {
                throw new InvalidInputException("regexRules", "Regex rule " + (i + 1) + " needs a name of 1 to 80"
                        + " letters, digits, spaces, '.', '_' or '-', starting with a letter or digit.");
            }
            String name = rule.name().strip();
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException("regexRules", "Two regex rules are named '" + name + "'; names"
                        + " must be unique.");
            }
            if (rule.pattern() == null || rule.pattern().isEmpty() || rule.pattern().length() > MAX_PATTERN_LENGTH) {
                throw new InvalidInputException("regexRules", "Regex rule '" + name + "' needs a pattern of 1 to "
                        + MAX_PATTERN_LENGTH + " characters.");
            }
            try {
                Pattern compiled = new RegexRule(name, rule.pattern(), "").compiled();
                if (compiled.matcher("").matches()) {
                    throw new InvalidInputException("regexRules", "Regex rule '" + name + "' matches the empty"
                            + " text, so it would refuse every prompt.");
                }
            } catch (PatternSyntaxException e) {
                throw new InvalidInputException("regexRules", "Regex rule '" + name + "' is not a valid regular"
                        + " expression: " + e.getDescription() + " near index " + e.getIndex() + ".");
            }
            String message = rule.message() == null ? "" : rule.message().strip();
            if (message.isEmpty() || message.length() > 300) {
                throw new InvalidInputException("regexRules", "Regex rule '" + name + "' needs a message of 1 to"
                        + " 300 characters telling designers what to change.");
            }
            kept.add(new RegexRule(name, rule.pattern(), message));
        }
        return List.copyOf(kept);
    }

    private static String affix(String field, String affix) {
        String value = affix == null ? "" : affix.strip();
        if (value.length() > MAX_AFFIX_LENGTH) {
            throw new InvalidInputException(field, field + " is " + value.length() + " characters long; the limit"
                    + " is " + MAX_AFFIX_LENGTH + ".");
        }
        return value;
    }

    private static List<String> palette(List<String> palette) {
        if (palette == null) {
            return List.of();
        }
        if (palette.size() > MAX_PALETTE) {
            throw new InvalidInputException("palette", "At most " + MAX_PALETTE + " palette colours (got "
                    + palette.size() + ").");
        }
        Set<String> kept = new LinkedHashSet<>();
        for (int i = 0; i < palette.size(); i++) {
            String colour = palette.get(i) == null ? "" : palette.get(i).strip();
            if (!Lab.isHex(colour)) {
                throw new InvalidInputException("palette", "Palette colour " + (i + 1) + " ('" + colour + "') must"
                        + " be written #rrggbb, e.g. #e30613.");
            }
            kept.add(colour.toLowerCase(Locale.ROOT));
        }
        return List.copyOf(kept);
    }
}
