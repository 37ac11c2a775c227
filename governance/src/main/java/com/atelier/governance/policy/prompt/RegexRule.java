package com.atelier.governance.policy.prompt;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A brand manager's own rule: a prompt matching {@code pattern} is refused with {@code message}. Patterns are Java
 * regular expressions, matched without regard to case.
 */
public record RegexRule(String name, String pattern, String message) {

    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** Compiles the pattern; throws {@link PatternSyntaxException} when it is not a valid expression. */
    public Pattern compiled() {
        return Pattern.compile(pattern, FLAGS);
    }
}
