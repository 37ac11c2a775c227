package com.atelier.governance.policy;

import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.policy.prompt.RegexRule;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Optional;

import static com.atelier.governance.policy.PolicyDrafts.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrandPolicyTest {

    private static void refused(PolicyDrafts draft, String field, String... messageParts) {
        assertThatThrownBy(draft::policy).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            for (String part : messageParts) {
                assertThat(e.getMessage()).contains(part);
            }
        });
    }

    @Test
    void anEmptyDraftIsTheEmptyPolicy() {
        BrandPolicy policy = new BrandPolicyDraft(null, null, null, null, null, null, null, null, null, null)
                .toPolicy();
        assertThat(policy).isEqualTo(BrandPolicy.NONE);
        assertThat(policy.allowPromptInManifest()).isFalse();
        assertThat(policy.effectiveMaxPromptLength()).isEqualTo(2000);
        assertThat(policy.paletteThreshold()).isEqualTo(BrandPolicy.DEFAULT_PALETTE_THRESHOLD);
    }

    @Test
    void normalisesTermsAndColours() {
        BrandPolicy policy = draft().banned("  smoke ", "smoke", "vape").palette("#E30613", "#e30613", "#FFFFFF")
                .prefix("  acmestyle  ").policy();
        assertThat(policy.bannedTerms()).containsExactly("smoke", "vape");
        assertThat(policy.palette()).containsExactly("#e30613", "#ffffff");
        assertThat(policy.promptPrefix()).isEqualTo("acmestyle");
    }

    @Test
    void rejectsAnInvalidRegexNamingTheRule() {
        refused(draft().regex("no-urls", "https?://(", "No links."), "regexRules", "'no-urls'",
                "not a valid regular expression");
    }

    @Test
    void rejectsRegexRulesWithoutNameOrMessageOrMatchingEverything() {
        refused(draft().regex(" ", "x", "m"), "regexRules", "needs a name");
        refused(draft().regex("r", "x", " "), "regexRules", "'r'", "message");
        refused(draft().regex("r", "x*", "m"), "regexRules", "empty text");
        refused(draft().regexRules(new RegexRule("r", "a", "m"), new RegexRule("R", "b", "m")), "regexRules",
                "unique");
    }

    @Test
    void rejectsPaletteColoursNotWrittenAsHexTriplets() {
        refused(draft().palette("#e30613", "red"), "palette", "Palette colour 2", "'red'", "#rrggbb");
        refused(draft().palette("#fff"), "palette", "#rrggbb");
    }

    @Test
    void rejectsPaletteThresholdsOutOfRange() {
        refused(draft().threshold(0.0), "paletteThreshold");
        refused(draft().threshold(-3.0), "paletteThreshold");
        refused(draft().threshold(100.5), "paletteThreshold");
        refused(draft().threshold(Double.NaN), "paletteThreshold");
        assertThat(draft().threshold(100.0).policy().paletteThreshold()).isEqualTo(100.0);
    }

    @Test
    void rejectsPromptLimitsOutOfRangeOrTooSmallForThePrefixAndSuffix() {
        refused(draft().maxPromptLength(0), "maxPromptLength");
        refused(draft().maxPromptLength(2001), "maxPromptLength");
        refused(draft().maxPromptLength(20).prefix("a".repeat(10)).suffix("b".repeat(9)), "maxPromptLength",
                "no room");
        assertThat(draft().maxPromptLength(300).policy().maxPromptLength()).isEqualTo(Optional.of(300));
    }

    @Test
    void rejectsTermsWithoutLettersAndTooManyTerms() {
        refused(draft().banned("ok", "--"), "bannedTerms", "Banned term 2", "no letter or digit");
        refused(draft().competitors("\u200B"), "competitorMarks", "Competitor mark 1");
        refused(draft().triggers(Collections.nCopies(51, "x").toArray(String[]::new)), "triggerWords", "At most 50");
        refused(draft().banned("x".repeat(201)), "bannedTerms", "limit is 200");
    }

    @Test
    void appliesItsRulesWithThePortalsTerms() {
        var rules = draft().competitors("pepsi").triggers("acmestyle").prefix("acmestyle,").policy()
                .promptRules(java.util.List.of(com.atelier.governance.policy.prompt.Term.of("gore")), "test policy");
        assertThat(rules.check("gore").rule()).isEqualTo("banned term 'gore'");
        assertThat(rules.check("a PEP$I can").rule()).isEqualTo("competitor mark 'pepsi'");
        assertThat(rules.check("a sofa").effectivePrompt()).isEqualTo("acmestyle, a sofa");
    }
}
