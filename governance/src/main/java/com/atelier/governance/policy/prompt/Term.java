package com.atelier.governance.policy.prompt;

import java.util.List;
import java.util.Objects;

/**
 * One term a rule looks for (a banned word or phrase, a competitor mark, a trigger word), compiled to its skeleton
 * words. It matches whole words only, so "ass" never fires on "class" or "assistant", but it tolerates what people
 * do to slip past a word list: other scripts' look-alikes, accents, leetspeak digits, invisible characters and
 * letters spaced out or joined by punctuation. A phrase also matches written as one word ("coca cola",
 * "CocaCola").
 */
public final class Term {

    private final String text;
    private final List<String> words;
    private final String concatenated;
    private final boolean unspaced;

    private Term(String text) {
        this.text = text.strip();
        String skeleton = PromptText.skeleton(text, false);
        this.words = PromptText.wordsOf(skeleton);
        this.concatenated = String.join("", words);
        this.unspaced = skeleton.codePoints().anyMatch(Term::isUnspacedScript);
    }

    /** Compiles a term; it must contain at least one letter or digit. */
    public static Term of(String text) {
        Objects.requireNonNull(text, "text");
        Term term = new Term(text);
        if (term.words.isEmpty()) {
            throw new IllegalArgumentException("A term needs at least one letter or digit: '" + text + "'.");
        }
        return term;
    }

    /** Whether the text has no letter or digit, so that it could never match anything. */
    public static boolean isEmpty(String text) {
        return text == null || PromptText.wordsOf(PromptText.skeleton(text, false)).isEmpty();
    }

    /** The term as the policy states it, for messages. */
    public String text() {
        return text;
    }

    public boolean foundIn(PromptText prompt) {
        if (unspaced) {
            // Chinese, Japanese, Thai... have no spaces between words: a substring is all one can ask for.
            return prompt.compact().contains(concatenated);
        }
        if (containsSequence(prompt.words()) || containsSequence(prompt.joined())) {
            return true;
        }
        if (words.size() > 1 && (containsWord(prompt.words(), concatenated)
                || containsWord(prompt.joined(), concatenated))) {
            return true;
        }
        return containsWord(prompt.collapsed(), concatenated);
    }

    private boolean containsSequence(List<String> text) {
        for (int start = 0; start + words.size() <= text.size(); start++) {
            boolean all = true;
            for (int i = 0; i < words.size() && all; i++) {
                all = same(words.get(i), text.get(start + i));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsWord(List<String> text, String word) {
        return text.stream().anyMatch(candidate -> same(word, candidate));
    }

    /**
     * Whether a prompt word is the term word, letting leetspeak stand for letters (the term's own digits stay
     * literal: "7up" is not "tup"), and ignoring @ or $ hanging at either end ("coke$").
     */
    static boolean same(String term, String word) {
        if (sameLength(term, word)) {
            return true;
        }
        int from = 0;
        int to = word.length();
        while (from < to && isSymbol(word.charAt(from))) {
            from++;
        }
        while (to > from && isSymbol(word.charAt(to - 1))) {
            to--;
        }
        return (from > 0 || to < word.length()) && sameLength(term, word.substring(from, to));
    }

    private static boolean sameLength(String term, String word) {
        if (term.length() != word.length()) {
            return false;
        }
        for (int i = 0; i < term.length(); i++) {
            char t = term.charAt(i);
            char w = word.charAt(i);
            if (t != w && !standsFor(w, t)) {
                return false;
            }
        }
        return true;
    }

    /** Leetspeak: 0→o, 1→i or l (a capital I in a prompt becomes 1 too), 3→e, 4→a, 5→s, 7→t, @→a, $→s. */
    private static boolean standsFor(char symbol, char letter) {
        return switch (symbol) {
            case '0' -> letter == 'o';
            case '1' -> letter == 'i' || letter == 'l';
            case '3' -> letter == 'e';
            case '4', '@' -> letter == 'a';
            case '5', '$' -> letter == 's';
            case '7' -> letter == 't';
            default -> false;
        };
    }

    private static boolean isSymbol(char c) {
        return c == '@' || c == '$';
    }

    private static boolean isUnspacedScript(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI
                || script == Character.UnicodeScript.LAO || script == Character.UnicodeScript.KHMER
                || script == Character.UnicodeScript.MYANMAR;
    }

    @Override
    public String toString() {
        return text;
    }
}
