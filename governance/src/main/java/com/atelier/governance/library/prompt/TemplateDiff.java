package com.atelier.governance.library.prompt;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changed between two versions of a template: word-level chunks for the prompt and the negative prompt (what a
 * reviewer reads), before/after pairs for the other fields, and a unified line diff of the whole version (what a
 * developer pastes into a ticket).
 */
public record TemplateDiff(int from, int to, List<FieldChange> fields, List<Chunk> text,
                           List<Chunk> negativePrompt, String unified) {

    private static final Pattern TOKEN = Pattern.compile("\\s+|\\w+|[^\\w\\s]", Pattern.UNICODE_CHARACTER_CLASS);

    /** A field other than the texts that differs; null stands for "not set". */
    public record FieldChange(String field, String before, String after) {
    }

    public enum Op { EQUAL, INSERT, DELETE }

    /** A run of text that both versions share, or that only the newer ({@code INSERT}) or older one has. */
    public record Chunk(Op op, String text) {
    }

    public static TemplateDiff between(int from, TemplateContent before, int to, TemplateContent after) {
        List<FieldChange> fields = new ArrayList<>();
        field(fields, "name", before.name(), after.name());
        field(fields, "defaultModel", before.defaultModel(), after.defaultModel());
        field(fields, "steps", before.steps(), after.steps());
        field(fields, "guidance", before.guidance(), after.guidance());
        field(fields, "width", before.width(), after.width());
        field(fields, "height", before.height(), after.height());
        field(fields, "tags", String.join(" ", before.tags()), String.join(" ", after.tags()));
        List<String> beforeLines = lines(before);
        List<String> afterLines = lines(after);
        String unified = String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("version " + from, "version " + to,
                beforeLines, DiffUtils.diff(beforeLines, afterLines), 3));
        return new TemplateDiff(from, to, List.copyOf(fields), words(before.text(), after.text()),
                words(before.negativePrompt(), after.negativePrompt()), unified);
    }

    /** True when the two versions say the same. */
    public boolean isEmpty() {
        return fields.isEmpty() && text.stream().allMatch(c -> c.op() == Op.EQUAL)
                && negativePrompt.stream().allMatch(c -> c.op() == Op.EQUAL);
    }

    static List<Chunk> words(String before, String after) {
        List<String> source = tokens(before);
        List<String> target = tokens(after);
        List<Chunk> chunks = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(source, target, true).getDeltas()) {
            if (delta.getType() == DeltaType.EQUAL) {
                add(chunks, Op.EQUAL, delta.getSource().getLines());
            } else {
                add(chunks, Op.DELETE, delta.getSource().getLines());
                add(chunks, Op.INSERT, delta.getTarget().getLines());
            }
        }
        return List.copyOf(chunks);
    }

    private static void add(List<Chunk> chunks, Op op, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        if (!chunks.isEmpty() && chunks.get(chunks.size() - 1).op() == op) {
            text = chunks.remove(chunks.size() - 1).text() + text;
        }
        chunks.add(new Chunk(op, text));
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private static void field(List<FieldChange> fields, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            fields.add(new FieldChange(name, before == null ? null : before.toString(),
                    after == null ? null : after.toString()));
        }
    }

    /** A version written as lines, one field each (the texts keep their own line breaks). */
    private static List<String> lines(TemplateContent c) {
        List<String> lines = new ArrayList<>();
        lines.add("name: " + c.name());
        c.text().lines().forEach(l -> lines.add("text: " + l));
        c.negativePrompt().lines().forEach(l -> lines.add("negativePrompt: " + l));
        lines.add("defaultModel: " + Objects.toString(c.defaultModel(), ""));
        lines.add("steps: " + Objects.toString(c.steps(), ""));
        lines.add("guidance: " + Objects.toString(c.guidance(), ""));
        lines.add("size: " + Objects.toString(c.width(), "") + "x" + Objects.toString(c.height(), ""));
        lines.add("tags: " + String.join(" ", c.tags()));
        return lines;
    }
}
