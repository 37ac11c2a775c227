package com.atelier.governance.policy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.IntStream;

import static com.atelier.governance.policy.PolicyDrafts.draft;
import static org.assertj.core.api.Assertions.assertThat;

class BrandPolicyChangesTest {

    private static VersionedBrandPolicy version(int n, BrandPolicy policy) {
        return new VersionedBrandPolicy("acme", n, policy, Optional.of(Instant.EPOCH), Optional.of("bea"));
    }

    private static JsonObject summary(VersionedBrandPolicy before, VersionedBrandPolicy after) {
        return Json.createReader(new StringReader(BrandPolicyChanges.summary(before, after))).readObject();
    }

    @Test
    void summarisesBeforeAfterAndWhatChanged() {
        var before = version(2, draft().banned("smoke", "vape").palette("#e30613").policy());
        var after = version(3, draft().banned("smoke", "cigar").palette("#e30613").threshold(12.0)
                .allowPromptInManifest(true).policy());

        JsonObject summary = summary(before, after);

        assertThat(summary.getJsonObject("before").getInt("version")).isEqualTo(2);
        assertThat(summary.getJsonObject("after").getInt("version")).isEqualTo(3);
        assertThat(summary.getJsonObject("after").getString("sha256")).hasSize(64);
        JsonObject changes = summary.getJsonObject("changes");
        assertThat(changes.keySet()).containsExactlyInAnyOrder("bannedTerms", "paletteThreshold",
                "allowPromptInManifest");
        assertThat(changes.getJsonObject("bannedTerms").getJsonArray("added").getString(0)).isEqualTo("cigar");
        assertThat(changes.getJsonObject("bannedTerms").getJsonArray("removed").getString(0)).isEqualTo("vape");
        assertThat(changes.getJsonObject("paletteThreshold").getString("after")).isEqualTo("12.0");
    }

    @Test
    void capsLongListsAndCountsTheRest() {
        String[] many = IntStream.range(0, 80).mapToObj(i -> "term" + i).toArray(String[]::new);
        JsonObject changes = summary(VersionedBrandPolicy.none("acme"), version(1, draft().banned(many).policy()))
                .getJsonObject("changes");
        assertThat(changes.getJsonObject("bannedTerms").getJsonArray("added")).hasSize(50);
        assertThat(changes.getJsonObject("bannedTerms").getInt("addedMore")).isEqualTo(30);
    }

    @Test
    void namesRegexRulesWhosePatternOrMessageChanged() {
        var before = version(1, draft().regex("no-urls", "https?://", "No links.").policy());
        var after = version(2, draft().regex("no-urls", "https?://\\S+", "No links.").policy());
        JsonObject changes = summary(before, after).getJsonObject("changes");
        assertThat(changes.getJsonArray("regexRulesEdited").getString(0)).isEqualTo("no-urls");
        assertThat(changes.containsKey("regexRules")).isFalse();
    }
}
