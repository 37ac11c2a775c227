package com.atelier.governance.library.prompt;

import com.atelier.governance.failure.InvalidInputException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A parsed prompt template text: literal text and variable placeholders. Syntax (docs/libraries.md):
 * {@code {name}} is free text, {@code {name:a|b|c}} one of the listed values, {@code {{} and {@code }}} are literal
 * braces. A variable may appear several times; later occurrences may be written {@code {name}} alone.
 */
public final class TemplateText {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
    private static final Pattern VALUE = Pattern.compile("[^{}|:\\p{Cntrl}]{1,60}");
    public static final int MAX_VARIABLES = 20;
    public static final int MAX_ALLOWED_VALUES = 50;

    private sealed interface Part permits Literal, Placeholder {
    }

    private record Literal(String text) implements Part {
    }

    private record Placeholder(String name) implements Part {
    }

    private final List<Part> parts;
    private final Map<String, TemplateVariable> variables;

    private TemplateText(List<Part> parts, Map<String, TemplateVariable> variables) {
        this.parts = parts;
        this.variables = variables;
    }

    /** Parses one text; {@code field} names it in refusals ("text", "negativePrompt"). */
    public static TemplateText parse(String field, String text) {
        return parseAll(Map.of(field, text)).get(field);
    }

    /**
     * Parses several texts that share their variables (a prompt and its negative prompt): a variable declared as an
     * enum in one may be used by name in the other, and two declarations of one variable must agree.
     */
    public static Map<String, TemplateText> parseAll(Map<String, String> texts) {
        Map<String, TemplateVariable> declared = new LinkedHashMap<>();
        Map<String, List<Part>> partsByField = new LinkedHashMap<>();
        List<String> plainUses = new ArrayList<>();
        for (var entry : texts.entrySet()) {
            partsByField.put(entry.getKey(), parts(entry.getKey(), entry.getValue(), declared, plainUses));
        }
        for (String name : plainUses) {
            declared.putIfAbsent(name, new TemplateVariable(name, List.of()));
        }
        if (declared.size() > MAX_VARIABLES) {
            throw new InvalidInputException(texts.keySet().iterator().next(), "A template has at most "
                    + MAX_VARIABLES + " variables (found " + declared.size() + ").");
        }
        Map<String, TemplateText> parsed = new LinkedHashMap<>();
        partsByField.forEach((field, parts) -> {
            Map<String, TemplateVariable> own = new LinkedHashMap<>();
            parts.stream().filter(Placeholder.class::isInstance).map(p -> ((Placeholder) p).name())
                    .forEach(n -> own.put(n, declared.get(n)));
            parsed.put(field, new TemplateText(List.copyOf(parts), Collections.unmodifiableMap(own)));
        });
        return parsed;
    }

    private static List<Part> parts(String field, String text, Map<String, TemplateVariable> declared,
                                    List<String> plainUses) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
            } else if (c == '}') {
                throw new InvalidInputException(field, "Unmatched '}' at position " + (i + 1) + "; write '}}' for a"
                        + " literal brace.");
            } else if (c == '{') {
                int close = text.indexOf('}', i + 1);
                int nextOpen = text.indexOf('{', i + 1);
                if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                    throw new InvalidInputException(field, "Unclosed '{' at position " + (i + 1) + "; a variable is"
                            + " written {name} or {name:a|b}, a literal brace '{{'.");
                }
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(new Placeholder(placeholder(field, text.substring(i + 1, close), declared, plainUses)));
                i = close + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return parts;
    }

    private static String placeholder(String field, String body, Map<String, TemplateVariable> declared,
                                      List<String> plainUses) {
        int colon = body.indexOf(':');
        String name = (colon < 0 ? body : body.substring(0, colon)).strip();
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException(field, "'{" + body + "}' is not a variable: a name is a letter followed by"
                    + " up to 39 letters, digits or '_'.");
        }
        if (colon < 0) {
            plainUses.add(name);
            return name;
        }
        Set<String> values = new LinkedHashSet<>();
        for (String value : body.substring(colon + 1).split("\\|", -1)) {
            String v = value.strip();
            if (!VALUE.matcher(v).matches()) {
                throw new InvalidInputException(field, "Variable '" + name + "' lists an invalid value '" + value
                        + "': values are 1 to 60 characters without { } | :.");
            }
            if (!values.add(v)) {
                throw new InvalidInputException(field, "Variable '" + name + "' lists '" + v + "' twice.");
            }
        }
        if (values.size() > MAX_ALLOWED_VALUES) {
            throw new InvalidInputException(field, "Variable '" + name + "' lists " + values.size() + " values; the"
                    + " limit is " + MAX_ALLOWED_VALUES + ".");
        }
        var variable = new TemplateVariable(name, List.copyOf(values));
        TemplateVariable earlier = declared.putIfAbsent(name, variable);
        if (earlier != null && !earlier.equals(variable)) {
            throw new InvalidInputException(field, "Variable '" + name + "' is declared twice with different values: "
                    + earlier.syntax() + " and " + variable.syntax() + "; declare it once and write {" + name
                    + "} elsewhere.");
        }
        return name;
    }

    /** The variables this text uses, in order of first use. */
    public Map<String, TemplateVariable> variables() {
        return variables;
    }

    /** The text with each variable replaced by its (already accepted) value. */
    public String fill(Map<String, String> accepted) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                out.append(literal.text());
            } else if (part instanceof Placeholder placeholder) {
                out.append(accepted.get(placeholder.name()));
            }
        }
        return out.toString();
    }
}
