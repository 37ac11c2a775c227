package com.atelier.governance.library.prompt;

import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.policy.prompt.PromptRules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What one version of a prompt template says: its name, prompt and negative prompt with variables, the model and
 * parameters it suggests, and its tags. Valid on construction; {@link #render} fills in the variables.
 *
 * @param defaultModel null when the template suggests no model; steps, guidance, width and height likewise
 */
public record TemplateContent(String name, String text, String negativePrompt, String defaultModel, Integer steps,
                              Float guidance, Integer width, Integer height, List<String> tags) {

    public static final int MAX_NAME = 120;
    public static final int MAX_TAGS = 20;
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern MODEL = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public TemplateContent {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "A template needs a name.");
        }
        name = name.strip();
        if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "A template name is one line of up to " + MAX_NAME
                    + " characters.");
        }
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "The template text must not be empty.");
        }
        if (text.length() > PromptRules.PORTAL_MAX_LENGTH) {
            throw new InvalidInputException("text", "The template text is " + text.length() + " characters long; the"
                    + " limit is " + PromptRules.PORTAL_MAX_LENGTH + ".");
        }
        negativePrompt = negativePrompt == null ? "" : negativePrompt;
        if (negativePrompt.length() > PromptRules.PORTAL_MAX_LENGTH) {
            throw new InvalidInputException("negativePrompt", "The negative prompt is " + negativePrompt.length()
                    + " characters long; the limit is " + PromptRules.PORTAL_MAX_LENGTH + ".");
        }
        parse(text, negativePrompt); // refuses bad syntax now, not at the first render
        if (defaultModel != null && !MODEL.matcher(defaultModel).matches()) {
            throw new InvalidInputException("defaultModel", "A model is named like 'sdxl' or 'flux2': lower-case"
                    + " letters, digits, '.', '_' or '-'.");
        }
        if (steps != null && (steps < 1 || steps > 200)) {
            throw new InvalidInputException("steps", "steps is between 1 and 200 (was " + steps + ").");
        }
        if (guidance != null && (guidance.isNaN() || guidance < 0 || guidance > 30)) {
            throw new InvalidInputException("guidance", "guidance is between 0 and 30 (was " + guidance + ").");
        }
        checkSide("width", width);
        checkSide("height", height);
        Set<String> unique = new TreeSet<>();
        for (String tag : tags == null ? List.<String>of() : tags) {
            if (tag == null || !TAG.matcher(tag).matches()) {
                throw new InvalidInputException("tags", "A tag is 1 to 64 lower-case letters, digits and hyphens"
                        + " (was '" + tag + "').");
            }
            unique.add(tag);
        }
        if (unique.size() > MAX_TAGS) {
            throw new InvalidInputException("tags", "A template has at most " + MAX_TAGS + " tags.");
        }
        tags = List.copyOf(unique);
    }

    private static void checkSide(String field, Integer side) {
        if (side != null && (side < 64 || side > 4096 || side % 8 != 0)) {
            throw new InvalidInputException(field, field + " is a multiple of 8 between 64 and 4096 (was " + side
                    + ").");
        }
    }

    private static Map<String, TemplateText> parse(String text, String negativePrompt) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("text", text);
        texts.put("negativePrompt", negativePrompt);
        return TemplateText.parseAll(texts);
    }

    /** All variables of the prompt and the negative prompt, in order of first use. */
    public List<TemplateVariable> variables() {
        var all = new LinkedHashMap<String, TemplateVariable>();
        parse(text, negativePrompt).values().forEach(t -> all.putAll(t.variables()));
        return List.copyOf(all.values());
    }

    /** The prompt and negative prompt with the variables filled in. */
    public record Filled(String prompt, String negativePrompt) {
    }

    /**
     * Fills in the variables; every declared variable needs a valid value and no other may be given.
     *
     * @throws InvalidInputException with field {@code variables.<name>} naming the variable and what it allows
     */
    public Filled render(Map<String, String> values) {
        Map<String, String> given = values == null ? Map.of() : values;
        Map<String, TemplateText> parsed = parse(text, negativePrompt);
        List<TemplateVariable> declared = variables();
        List<String> names = declared.stream().map(TemplateVariable::name).toList();
        for (String key : new TreeSet<>(given.keySet())) {
            if (!names.contains(key)) {
                throw new InvalidInputException("variables." + key, "The template has no variable '" + key + "'; its"
                        + " variables are " + describe(declared) + ".");
            }
        }
        Map<String, String> accepted = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (TemplateVariable variable : declared) {
            if (!given.containsKey(variable.name())) {
                missing.add(variable.name());
            }
        }
        if (!missing.isEmpty()) {
            declared.stream().filter(v -> v.name().equals(missing.get(0))).findFirst().orElseThrow().accept(null);
        }
        for (TemplateVariable variable : declared) {
            accepted.put(variable.name(), variable.accept(given.get(variable.name())));
        }
        String prompt = parsed.get("text").fill(accepted);
        String negative = parsed.get("negativePrompt").fill(accepted);
        if (prompt.length() > PromptRules.PORTAL_MAX_LENGTH) {
            throw new InvalidInputException("variables", "The rendered prompt is " + prompt.length() + " characters"
                    + " long; the limit is " + PromptRules.PORTAL_MAX_LENGTH + ". Use shorter values.");
        }
        if (negative.length() > PromptRules.PORTAL_MAX_LENGTH) {
            throw new InvalidInputException("variables", "The rendered negative prompt is " + negative.length()
                    + " characters long; the limit is " + PromptRules.PORTAL_MAX_LENGTH + ".");
        }
        return new Filled(prompt, negative);
    }

    private static String describe(List<TemplateVariable> variables) {
        if (variables.isEmpty()) {
            return "none";
        }
        return String.join(", ", variables.stream().map(TemplateVariable::syntax).toList());
    }

    /** The suggested model, if any. */
    public Optional<String> model() {
        return Optional.ofNullable(defaultModel);
    }

    /** Tags as stored with a version: space-separated. */
    String tagsText() {
        return String.join(" ", tags);
    }

    static List<String> tagsOf(String text) {
        return text == null || text.isBlank() ? List.of() : List.copyOf(new LinkedHashSet<>(List.of(text.split(" "))));
    }
}
