package com.atelier.governance.policy.prompt;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A prompt as the prompt rules read it: folded to a skeleton in which look-alike letters, case, accents and
 * invisible characters no longer differ, and cut into words three ways (as written, joined across punctuation,
 * and with spaced-out letters collapsed), so that "C​о-k e"-style tricks meet the same terms as "coke".
 * The rules are described in docs/brand-safety.md.
 */
public final class PromptText {

    /** Look-alike letters of other scripts and Latin letters that do not decompose, as the Latin letter they imitate. */
    private static final Map<Integer, String> CONFUSABLES = confusables();

    private final String visible;
    private final List<String> words;
    private final List<String> joined;
    private final List<String> collapsed;
    private final String compact;

    private PromptText(String raw) {
        this.visible = visible(raw);
        List<Token> tokens = tokens(skeleton(raw, true));
        this.words = tokens.stream().map(Token::word).toList();
        this.joined = joined(tokens);
        this.collapsed = collapsed(tokens);
        this.compact = String.join("", words);
    }

    public static PromptText of(String raw) {
        return new PromptText(raw == null ? "" : raw);
    }

    /** The text after NFKC with invisible characters removed: what regex rules see besides the skeleton. */
    String visible() {
        return visible;
    }

    /** The skeleton with words separated by single spaces: the second text regex rules see. */
    String skeletonWords() {
        return String.join(" ", words);
    }

    /** Words as written: maximal runs of letters, digits and the leetspeak symbols @ and $. */
    List<String> words() {
        return words;
    }

    /** Words with punctuation-only gaps closed: "c.o.k.e", "co-ke" and "co_ke" read "coke". */
    List<String> joined() {
        return joined;
    }

    /** Runs of two or more single-letter words read as one word ("c o k e"), also without their first or last letter. */
    List<String> collapsed() {
        return collapsed;
    }

    /** All word characters with nothing between them, for scripts written without spaces. */
    String compact() {
        return compact;
    }

    /**
     * The skeleton of a text: NFKC, invisible characters removed, combining marks stripped, look-alikes replaced,
     * then full case folding. In a prompt ({@code prompt == true}) a capital I also reads as l (it is drawn the same
     * in most fonts), which the matcher allows by turning it into the digit 1; a term keeps it an i.
     */
    static String skeleton(String raw, boolean prompt) {
        String text = Normalizer.normalize(visible(raw), Normalizer.Form.NFD);
        StringBuilder mapped = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (isMark(cp)) {
                return;
            }
            if (prompt && (cp == 'I' || cp == 0x0406 || cp == 0x0399 || cp == 0x04C0)) {
                mapped.append('1');
                return;
            }
            String latin = CONFUSABLES.get(cp);
            if (latin != null) {
                mapped.append(latin);
            } else {
                mapped.appendCodePoint(cp);
            }
        });
        // Lower, upper, lower gives full case folding for what matters here: ẞ → ß → ss, ſ → s, ı → i; the final
        // sigma, which lower-casing brings back at word ends, is folded by hand.
        String folded = mapped.toString().toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT)
                .replace('ς', 'σ');
        StringBuilder out = new StringBuilder(folded.length());
        Normalizer.normalize(folded, Normalizer.Form.NFD).codePoints()
                .filter(cp -> !isMark(cp))
                .forEach(out::appendCodePoint);
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /** NFKC with format characters (zero-width, bidi, soft hyphen...), fillers and control characters removed. */
    static String visible(String raw) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (!isInvisible(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** The words of a text that is already a skeleton. */
    static List<String> wordsOf(String skeleton) {
        return tokens(skeleton).stream().map(Token::word).toList();
    }

    static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '@' || cp == '$';
    }

    private static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.CONTROL || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE
                || cp == 0x034F // combining grapheme joiner
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 // Hangul fillers
                || cp == 0x2800; // Braille blank
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    /** A word and whether whitespace (rather than only punctuation) stood before it. */
    private record Token(String word, boolean spaceBefore) {
    }

    private static List<Token> tokens(String skeleton) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean space = true;
        for (int i = 0; i < skeleton.length(); ) {
            int cp = skeleton.codePointAt(i);
            i += Character.charCount(cp);
            if (isWordChar(cp)) {
                word.appendCodePoint(cp);
                continue;
            }
            if (word.length() > 0) {
                tokens.add(new Token(word.toString(), space));
                word.setLength(0);
                space = false;
            }
            space |= cp == ' ';
        }
        if (word.length() > 0) {
            tokens.add(new Token(word.toString(), space));
        }
        return List.copyOf(tokens);
    }

    private static List<String> joined(List<Token> tokens) {
        List<String> joined = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (Token token : tokens) {
            if (token.spaceBefore() && current.length() > 0) {
                joined.add(current.toString());
                current.setLength(0);
            }
            current.append(token.word());
        }
        if (current.length() > 0) {
            joined.add(current.toString());
        }
        return List.copyOf(joined);
    }

    private static List<String> collapsed(List<Token> tokens) {
        List<String> collapsed = new ArrayList<>();
        int start = 0;
        while (start < tokens.size()) {
            int end = start;
            while (end < tokens.size() && isSingle(tokens.get(end).word())) {
                end++;
            }
            if (end - start >= 2) {
                StringBuilder run = new StringBuilder();
                tokens.subList(start, end).forEach(t -> run.append(t.word()));
                String letters = run.toString();
                collapsed.add(letters);
                if (end - start >= 3) {
                    // "a c o k e": the article before a spaced-out word, or a stray letter after it
                    collapsed.add(letters.substring(letters.offsetByCodePoints(0, 1)));
                    collapsed.add(letters.substring(0, letters.offsetByCodePoints(0, end - start - 1)));
                }
            }
            start = Math.max(end, start + 1);
        }
        return List.copyOf(collapsed);
    }

    private static boolean isSingle(String word) {
        return word.codePointCount(0, word.length()) == 1;
    }

    private static Map<Integer, String> confusables() {
        String[] pairs = {
                // Cyrillic capitals and small letters drawn like Latin ones
                "А", "A", "В", "B", "Е", "E", "К", "K", "М", "M", "Н", "H", "О", "O", "Р", "P", "С", "C",
                "Т", "T", "У", "Y", "Х", "X", "Ѕ", "S", "І", "I", "Ӏ", "I", "Ј", "J", "Ԛ", "Q", "Ԝ", "W", "Ү", "Y",
                "а", "a", "в", "b", "е", "e", "к", "k", "м", "m", "н", "h", "о", "o", "р", "p", "с", "c",
                "т", "t", "у", "y", "х", "x", "ѕ", "s", "і", "i", "ј", "j", "ԁ", "d", "ԛ", "q", "ԝ", "w",
                "һ", "h", "ӏ", "l", "ь", "b", "п", "n", "г", "r", "ү", "y", "ɡ", "g", "ɑ", "a",
                // Greek
                "Α", "A", "Β", "B", "Ε", "E", "Ζ", "Z", "Η", "H", "Κ", "K", "Μ", "M", "Ν", "N", "Ο", "O",
                "Ι", "I", "Ρ", "P", "Τ", "T", "Υ", "Y", "Χ", "X", "Ϲ", "C", "Ϳ", "J",
                "α", "a", "β", "b", "γ", "y", "ε", "e", "η", "n", "ι", "i", "κ", "k", "ν", "v", "ο", "o",
                "ρ", "p", "τ", "t", "υ", "u", "χ", "x", "ω", "w", "μ", "u", "ϲ", "c", "ϳ", "j",
                // Latin letters with a stroke, which NFD does not split into letter + mark
                "ł", "l", "Ł", "L", "ø", "o", "Ø", "O", "đ", "d", "Đ", "D", "ħ", "h", "Ħ", "H", "ƚ", "l",
                "æ", "ae", "Æ", "AE", "œ", "oe", "Œ", "OE"
        };
        var map = new java.util.HashMap<Integer, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i].codePointAt(0), pairs[i + 1]);
        }
        return Map.copyOf(map);
    }
}
