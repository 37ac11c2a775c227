package com.atelier.governance.library.prompt;

import com.atelier.governance.failure.InvalidInputException;

import java.util.List;

/**
 * A placeholder in a prompt template: free text ({@code {product}}) or one of a fixed list of values
 * ({@code {season:spring|summer}}).
 */
public record TemplateVariable(String name, List<String> allowed) {

    /** The longest value a free-text variable takes, so that a template cannot be used to smuggle a whole prompt. */
    public static final int MAX_FREE_TEXT = 200;

    public TemplateVariable {
        allowed = List.copyOf(allowed);
    }

    public boolean isEnum() {
        return !allowed.isEmpty();
    }

    /**
     * The value to put in, or a refusal whose field is {@code variables.<name>}.
     *
     * @param value the caller's value, null when the caller left the variable out
     */
    public String accept(String value) {
        String field = "variables." + name;
        if (value == null) {
            throw new InvalidInputException(field, "The template needs a value for '" + name + "'"
                    + (isEnum() ? ": one of " + allowed + "." : " (free text, up to " + MAX_FREE_TEXT + " characters)."));
        }
        if (isEnum()) {
            if (!allowed.contains(value)) {
                throw new InvalidInputException(field, "'" + value + "' is not allowed for '" + name + "'; allowed values"
                        + " are " + allowed + ".");
            }
            return value;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException(field, "'" + name + "' must not be empty.");
        }
        if (trimmed.length() > MAX_FREE_TEXT) {
            throw new InvalidInputException(field, "'" + name + "' is " + trimmed.length() + " characters long; the"
                    + " limit is " + MAX_FREE_TEXT + ".");
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) || c == '{' || c == '}')) {
            throw new InvalidInputException(field, "'" + name + "' must be one line of text without braces.");
        }
        return trimmed;
    }

    /** How the variable is written in a template. */
    public String syntax() {
        return isEnum() ? "{" + name + ":" + String.join("|", allowed) + "}" : "{" + name + "}";
    }
}
