package com.atelier.governance.library.prompt;

import com.atelier.governance.failure.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateContentTest {

    private static TemplateContent template(String text) {
        return template(text, "");
    }

    private static TemplateContent template(String text, String negative) {
        return new TemplateContent("Packshot", text, negative, "sdxl", 30, 5.5f, 1024, 1024, List.of("packshot"));
    }

    @Test
    void rendersFreeTextAndEnumVariables() {
        var content = template("{product} on a table, {season:spring|summer} light, {product} again");

        var filled = content.render(Map.of("product", "  a red chair ", "season", "summer"));

        assertThat(filled.prompt()).isEqualTo("a red chair on a table, summer light, a red chair again");
        assertThat(content.variables()).extracting(TemplateVariable::name).containsExactly("product", "season");
        assertThat(content.variables().get(1).allowed()).containsExactly("spring", "summer");
    }

    @Test
    void negativePromptSharesVariablesWithThePrompt() {
        var content = template("{style:photo|sketch} of a chair", "blurry {style}");

        assertThat(content.render(Map.of("style", "sketch")).negativePrompt()).isEqualTo("blurry sketch");
    }

    @Test
    void doubledBracesAreLiteral() {
        assertThat(template("json {{\"a\": 1}} {x}").render(Map.of("x", "y")).prompt())
                .isEqualTo("json {\"a\": 1} y");
    }

    @Test
    void refusesAnEnumValueOutsideTheListNamingTheVariableAndTheAllowedValues() {
        var content = template("{product} in {season:spring|summer}");

        assertThatThrownBy(() -> content.render(Map.of("product", "chair", "season", "winter")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("variables.season");
                    assertThat(e.getMessage()).contains("'winter'", "[spring, summer]");
                });
    }

    @Test
    void refusesMissingAndUnknownVariables() {
        var content = template("{product} in {season:spring|summer}");

        assertThatThrownBy(() -> content.render(Map.of("product", "chair")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("variables.season");
                    assertThat(e.getMessage()).contains("[spring, summer]");
                });
        assertThatThrownBy(() -> content.render(Map.of("product", "chair", "season", "spring", "colour", "red")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("variables.colour");
                    assertThat(e.getMessage()).contains("{product}", "{season:spring|summer}");
                });
    }

    @Test
    void refusesFreeTextThatIsTooLongEmptyOrMultiLine() {
        var content = template("{product}");

        assertThatThrownBy(() -> content.render(Map.of("product", "x".repeat(201))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage()).contains("limit is 200"));
        assertThatThrownBy(() -> content.render(Map.of("product", "  ")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("variables.product"));
        assertThatThrownBy(() -> content.render(Map.of("product", "a\nb")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> content.render(Map.of("product", "{other}")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refusesBrokenSyntaxWhenTheTemplateIsSaved() {
        assertThatThrownBy(() -> template("a {product"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("text");
                    assertThat(e.getMessage()).contains("Unclosed '{' at position 3");
                });
        assertThatThrownBy(() -> template("a } b")).hasMessageContaining("Unmatched '}'");
        assertThatThrownBy(() -> template("{1st}")).hasMessageContaining("not a variable");
        assertThatThrownBy(() -> template("{s:a||b}")).hasMessageContaining("invalid value");
        assertThatThrownBy(() -> template("{s:a|a}")).hasMessageContaining("twice");
        assertThatThrownBy(() -> template("{s:a|b} and {s:a|c}")).hasMessageContaining("declared twice");
        assertThatThrownBy(() -> template("fine", "{s:a|b} {s:b}"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("negativePrompt"));
    }

    @Test
    void refusesBadDefaultsAndTags() {
        assertThatThrownBy(() -> new TemplateContent("n", "t", null, "SDXL!", null, null, null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("defaultModel"));
        assertThatThrownBy(() -> new TemplateContent("n", "t", null, null, 0, null, null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("steps"));
        assertThatThrownBy(() -> new TemplateContent("n", "t", null, null, null, null, 1001, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("width"));
        assertThatThrownBy(() -> new TemplateContent("n", "t", null, null, null, null, null, null, List.of("Bad Tag")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("tags"));
    }

    @Test
    void tagsAreSortedAndUniqueSoThatEqualContentCompareEqual() {
        var a = new TemplateContent("n", "t", null, null, null, null, null, null, List.of("b", "a", "b"));
        var b = new TemplateContent("n", "t", "", null, null, null, null, null, List.of("a", "b"));

        assertThat(a).isEqualTo(b);
        assertThat(a.tags()).containsExactly("a", "b");
        assertThat(TemplateContent.tagsOf(a.tagsText())).containsExactly("a", "b");
    }

    @Test
    void refusesARenderedPromptOverTheGenerationLimit() {
        var content = template("{a} {b} {c} {d} {e} {f} {g} {h} {i} {j} {k}");
        Map<String, String> values = new java.util.HashMap<>();
        "abcdefghijk".chars().forEach(c -> values.put(String.valueOf((char) c), "x".repeat(190)));

        assertThatThrownBy(() -> content.render(values))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("variables"));
    }
}
