package com.atelier.governance.policy.prompt;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PromptRulesTest {

    private static PromptRules.Builder rules() {
        return PromptRules.builder().portalTerms(List.of(Term.of("gore")));
    }

    @Test
    void allowsAPromptNoRuleObjectsTo() {
        PromptDecision decision = rules().competitorMarks("pepsi").build().check("a red can on a beach");
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.refusal()).isEmpty();
        assertThat(decision.effectivePrompt()).isEqualTo("a red can on a beach");
    }

    @Test
    void rejectsPortalBannedTermsInEveryWorkspace() {
        PromptDecision decision = rules().build().check("a scene of G0RE");
        assertThat(decision.rule()).isEqualTo("banned term 'gore'");
        assertThat(decision.message()).contains("portal banned terms");
    }

    @Test
    void rejectsTheWorkspacesBannedTermsAndPhrases() {
        PromptRules rules = rules().bannedTerms("cigarette", "fast food").build();
        assertThat(rules.check("a man with a c i g a r e t t e").rule()).isEqualTo("banned term 'cigarette'");
        assertThat(rules.check("Fast-Food counter").rule()).isEqualTo("banned term 'fast food'");
        assertThat(rules.check("a fast car and food").allowed()).isTrue();
    }

    @Test
    void rejectsCompetitorMarkWrittenWithCyrillicLetters() {
        PromptDecision decision = rules().competitorMarks("Pepsi").build().check("a can of \u0420\u0435\u0440si");
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.rule()).isEqualTo("competitor mark 'Pepsi'");
        assertThat(decision.message()).contains("competitor mark 'Pepsi'");
    }

    @Test
    void rejectsCompetitorMarkHiddenWithZeroWidthSpaces() {
        assertThat(rules().competitorMarks("coke").build().check("ice cold co\u200Bke").rule())
                .isEqualTo("competitor mark 'coke'");
    }

    @Test
    void doesNotRejectWordsThatMerelyContainABannedTerm() {
        PromptRules rules = rules().bannedTerms("ass").build();
        assertThat(rules.check("a class of assistants in a brass band").allowed()).isTrue();
        assertThat(rules.check("a wild @ss").rule()).isEqualTo("banned term 'ass'");
    }

    @Test
    void rejectsAPromptMatchingARegexRuleNamingTheRuleAndItsMessage() {
        PromptRules rules = rules().regexRules(new RegexRule("no-urls", "https?://\\S+", "Links are not allowed."))
                .build();
        PromptDecision decision = rules.check("in the style of HTTPS://example.com/x");
        assertThat(decision.rule()).isEqualTo("regex rule 'no-urls': Links are not allowed.");
        assertThat(decision.message()).contains("'no-urls'").contains("Links are not allowed.");
    }

    @Test
    void regexRulesAlsoSeeTheFoldedText() {
        PromptRules rules = rules().regexRules(new RegexRule("no-celebrities", "\\btaylor swift\\b",
                "No real people.")).build();
        assertThat(rules.check("T\u0430ylor   Swíft on stage").allowed()).isFalse();
    }

    @Test
    void refusesWhenARegexRuleBacktracksWithoutEnd() {
        PromptRules rules = rules().regexRules(new RegexRule("evil", "(.*a){12}b", "never")).build();
        PromptDecision decision = rules.check("a".repeat(40) + "c");
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.rule()).startsWith("regex rule 'evil'");
        assertThat(decision.message()).contains("too long to evaluate");
    }

    @Test
    void requiresOneOfTheTriggerWords() {
        PromptRules rules = rules().triggerWords("acmestyle", "acme look").build();
        PromptDecision missing = rules.check("a sofa in a loft");
        assertThat(missing.rule()).isEqualTo("missing trigger word (one of acmestyle, acme look)");
        assertThat(rules.check("a sofa in a loft, ACME-look").allowed()).isTrue();
        assertThat(rules.check("acmestyle sofa").allowed()).isTrue();
    }

    @Test
    void autoAppliesThePrefixAndSuffixOnce() {
        PromptRules rules = rules().prefix("acmestyle photo of").suffix(", studio lighting").build();
        PromptDecision decision = rules.check("  a sofa  ");
        assertThat(decision.effectivePrompt()).isEqualTo("acmestyle photo of a sofa , studio lighting");
        assertThat(rules.check(decision.effectivePrompt()).effectivePrompt()).isEqualTo(decision.effectivePrompt());
    }

    @Test
    void aTriggerWordInThePrefixSatisfiesTheRequirement() {
        PromptRules rules = rules().prefix("acmestyle").triggerWords("acmestyle").build();
        assertThat(rules.check("a sofa").allowed()).isTrue();
    }

    @Test
    void rejectsAPromptLongerThanTheLimitCountingPrefixAndSuffix() {
        PromptRules rules = rules().prefix("brand").maxLength(20).build();
        assertThat(rules.check("x".repeat(14)).allowed()).isTrue();
        PromptDecision decision = rules.check("x".repeat(15));
        assertThat(decision.rule()).isEqualTo("prompt longer than 20");
        assertThat(decision.message()).contains("21 characters").contains("prefix");
    }

    @Test
    void checksRunInAFixedOrderAndTheFirstRefusalWins() {
        PromptRules rules = rules().bannedTerms("smoke").competitorMarks("pepsi").triggerWords("acme").build();
        assertThat(rules.check("gore smoke pepsi").rule()).isEqualTo("banned term 'gore'");
        assertThat(rules.check("smoke pepsi").rule()).isEqualTo("banned term 'smoke'");
        assertThat(rules.check("pepsi").rule()).isEqualTo("competitor mark 'pepsi'");
        assertThat(rules.check("cola").rule()).startsWith("missing trigger word");
    }

    @Test
    void namesThePolicyVersionInMessages() {
        PromptRules rules = rules().competitorMarks("pepsi").source("brand policy v3 of workspace 'acme'").build();
        assertThat(rules.check("pepsi").message()).contains("brand policy v3 of workspace 'acme'");
    }
}
