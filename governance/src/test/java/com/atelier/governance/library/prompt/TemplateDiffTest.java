package com.atelier.governance.library.prompt;

import org.junit.jupiter.api.Test;

import java.util.List;

import static com.atelier.governance.library.prompt.TemplateDiff.Op.DELETE;
import static com.atelier.governance.library.prompt.TemplateDiff.Op.EQUAL;
import static com.atelier.governance.library.prompt.TemplateDiff.Op.INSERT;
import static org.assertj.core.api.Assertions.assertThat;

class TemplateDiffTest {

    private static TemplateContent content(String text, Integer steps, List<String> tags) {
        return new TemplateContent("Packshot", text, "blurry", "sdxl", steps, null, null, null, tags);
    }

    @Test
    void showsChangedWordsAsDeleteAndInsertBetweenSharedText() {
        var diff = TemplateDiff.between(1, content("a red chair in {season:spring|summer} light", 30, List.of()),
                3, content("a blue chair in {season:spring|summer} light, studio", 30, List.of()));

        assertThat(diff.text()).containsExactly(
                new TemplateDiff.Chunk(EQUAL, "a "),
                new TemplateDiff.Chunk(DELETE, "red"),
                new TemplateDiff.Chunk(INSERT, "blue"),
                new TemplateDiff.Chunk(EQUAL, " chair in {season:spring|summer} light"),
                new TemplateDiff.Chunk(INSERT, ", studio"));
        assertThat(diff.negativePrompt()).containsExactly(new TemplateDiff.Chunk(EQUAL, "blurry"));
        assertThat(diff.fields()).isEmpty();
        assertThat(diff.unified()).contains("--- version 1", "+++ version 3",
                "-text: a red chair", "+text: a blue chair");
    }

    @Test
    void listsChangedParametersAndTags() {
        var diff = TemplateDiff.between(1, content("x", 30, List.of("a")), 2, content("x", null, List.of("a", "b")));

        assertThat(diff.fields()).containsExactly(new TemplateDiff.FieldChange("steps", "30", null),
                new TemplateDiff.FieldChange("tags", "a", "a b"));
        assertThat(diff.isEmpty()).isFalse();
    }

    @Test
    void identicalVersionsHaveAnEmptyDiff() {
        var diff = TemplateDiff.between(1, content("x y", 30, List.of()), 2, content("x y", 30, List.of()));

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.unified()).isEmpty();
    }
}
