package com.atelier.governance.policy.prompt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TermTest {

    private static boolean found(String term, String prompt) {
        return Term.of(term).foundIn(PromptText.of(prompt));
    }

    @Test
    void findsTheTermAsAWholeWordInAnyCase() {
        assertThat(found("coke", "a glass of Coke on ice")).isTrue();
        assertThat(found("coke", "A GLASS OF COKE")).isTrue();
        assertThat(found("Coke", "coke, ice, lemon")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a classy class", "my assistant", "bass guitar", "passes", "cl@ss act", "assessment",
            "was as sweet", "mass-produced", "as s"})
    void doesNotFireInsideOtherWords(String prompt) {
        assertThat(found("ass", prompt)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"c o k e", "c.o.k.e", "c-o-k-e", "c_o_k_e", "c*o*k*e", "c . o . k . e", "co-ke",
            "c/o/k/e", "a c o k e bottle", "c o k e."})
    void findsTermsWithSeparatorsBetweenTheLetters(String prompt) {
        assertThat(found("coke", "a bottle of " + prompt + " please")).as(prompt).isTrue();
    }

    @Test
    void doesNotJoinRealWordsSeparatedBySpaces() {
        assertThat(found("avon", "a von Trapp family portrait")).isFalse();
        assertThat(found("anal", "an al fresco lunch")).isFalse();
        assertThat(found("coke", "taco kebab")).isFalse();
        assertThat(found("ass", "a s s e t management")).as("spelled-out 'asset'").isFalse();
    }

    @ParameterizedTest
    @CsvSource({"coke, c0ke", "coke, C0KE", "sprite, 5prite", "sprite, $prite", "sprite, spr1te", "tango, 7ango",
            "tango, 74ng0", "ass, @ss", "ass, a$$", "ass, a55", "pepsi, pepsi$", "lime, 1ime"})
    void findsLeetspeakDigitsAndSymbols(String term, String written) {
        assertThat(found(term, "drink " + written + " now")).isTrue();
    }

    @Test
    void keepsDigitsInTheTermLiteral() {
        assertThat(found("7up", "a can of 7UP")).isTrue();
        assertThat(found("7up", "let's tup")).isFalse();
        assertThat(found("3M", "3m tape")).isTrue();
    }

    @Test
    void findsCompetitorMarkWrittenWithCyrillicLetters() {
        assertThat(found("coke", "a glass of \u0441\u043e\u043a\u0435")).isTrue(); // с о к е
        assertThat(found("Pepsi", "\u0420\u0435\u0440si can")).isTrue(); // Р е р
    }

    @Test
    void findsTermsWrittenWithGreekLetters() {
        assertThat(found("nike", "\u039d\u0399\u039a\u0395 shoes")).isTrue(); // Ν Ι Κ Ε
        assertThat(found("tokyo", "\u03c4\u03bfky\u03bf skyline")).isTrue(); // τ ο ... ο
    }

    @Test
    void findsTermsWithAccentsAndCombiningMarks() {
        assertThat(found("coke", "cöké zero")).isTrue();
        assertThat(found("coke", "c\u0301o\u0308k\u0327e")).isTrue();
        assertThat(found("cafe", "CAFÉ")).isTrue();
    }

    @Test
    void findsTermsWithZeroWidthAndInvisibleCharacters() {
        assertThat(found("coke", "co\u200Bke")).isTrue();
        assertThat(found("coke", "c\u200Do\u200Ck\uFEFFe")).isTrue();
        assertThat(found("coke", "co\u00ADke")).as("soft hyphen").isTrue();
        assertThat(found("coke", "\u202Ecoke\u202C")).as("bidi override").isTrue();
        assertThat(found("coke", "co\u2060ke\uFE0F")).as("word joiner, variation selector").isTrue();
    }

    @Test
    void findsFullwidthAndStyledLetters() {
        assertThat(found("coke", "ｃｏｋｅ")).isTrue();
        assertThat(found("coke", "\uD835\uDC1C\uD835\uDC28\uD835\uDC24\uD835\uDC1E")).as("mathematical bold").isTrue();
        assertThat(found("coke", "ⓒⓞⓚⓔ")).isTrue();
    }

    @Test
    void readsACapitalIAsAnL() {
        assertThat(found("coca cola", "Coca-CoIa")).isTrue();
        assertThat(found("ikea", "IKEA sofa")).isTrue();
        assertThat(found("ikea", "lkea sofa")).as("a small l stays an l").isFalse();
    }

    @Test
    void foldsCaseFully() {
        assertThat(found("strasse", "STRAẞE")).isTrue();
        assertThat(found("straße", "strasse")).isTrue();
    }

    @Test
    void findsPhrasesAcrossAnySeparatorAndWrittenAsOneWord() {
        assertThat(found("coca cola", "a coca  -  cola bottle")).isTrue();
        assertThat(found("coca cola", "CocaCola")).isTrue();
        assertThat(found("coca cola", "coca-cola")).isTrue();
        assertThat(found("coca cola", "c o c a c o l a")).isTrue();
        assertThat(found("coca cola", "coca leaves and a cola nut")).isFalse();
    }

    @Test
    void findsTermsInScriptsWithoutSpaces() {
        assertThat(found("コカ・コーラ", "冷たいコカ・コーラを一本")).isTrue();
        assertThat(found("可口可乐", "一瓶可口可乐")).isTrue();
    }

    @Test
    void aTermNeedsALetterOrDigit() {
        assertThatThrownBy(() -> Term.of(" -- ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Term.isEmpty("\u200B")).isTrue();
        assertThat(Term.isEmpty("x")).isFalse();
    }
}
