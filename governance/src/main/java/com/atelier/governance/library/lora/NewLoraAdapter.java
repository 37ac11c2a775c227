package com.atelier.governance.library.lora;

import com.atelier.governance.failure.InvalidInputException;

import java.util.regex.Pattern;

/** What it takes to open an adapter in the library: the name generations use, its trigger word and family. */
public record NewLoraAdapter(String name, String triggerWord, BaseFamily family, String description) {

    /** The same rule as a LoRA choice in a generation request, so that every adapter can be asked for. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public NewLoraAdapter {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("name", "A LoRA adapter is named by 1 to 100 letters, digits, '.', '_' or"
                    + " '-', starting with a letter or digit.");
        }
        triggerWord = checkTriggerWord("triggerWord", triggerWord);
        if (family == null) {
            throw new InvalidInputException("family", "Name the base-model family: one of " + BaseFamily.codes() + ".");
        }
        description = description == null ? "" : description.strip();
        if (description.length() > 2000) {
            throw new InvalidInputException("description", "A description is at most 2000 characters.");
        }
    }

    /** A trigger word is what a prompt must contain to call up the adapter's concept: one short line. */
    static String checkTriggerWord(String field, String triggerWord) {
        if (triggerWord == null || triggerWord.isBlank()) {
            throw new InvalidInputException(field, "A LoRA needs a trigger word, e.g. 'acme-chair'.");
        }
        String trimmed = triggerWord.strip();
        if (trimmed.length() > 100 || trimmed.chars().anyMatch(c -> Character.isISOControl(c) || c == '{'
                || c == '}')) {
            throw new InvalidInputException(field, "A trigger word is one line of up to 100 characters without"
                    + " braces.");
        }
        return trimmed;
    }
}
