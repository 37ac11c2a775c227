package com.atelier.governance.policy;

import com.atelier.governance.policy.prompt.RegexRule;

import java.util.List;
import java.util.Optional;

/**
 * A brand policy as an editor sends it, not yet checked: every field may be missing (an empty list, no prefix, the
 * portal's prompt limit, the default palette threshold, prompts kept out of manifests). {@link #toPolicy()} checks it.
 */
public record BrandPolicyDraft(List<String> bannedTerms, List<String> competitorMarks, List<RegexRule> regexRules,
                               List<String> triggerWords, String promptPrefix, String promptSuffix,
                               Integer maxPromptLength, List<String> palette, Double paletteThreshold,
                               Boolean allowPromptInManifest) {

    /** The draft that gives this policy back: what a reader sees and an editor changes and sends again. */
    public static BrandPolicyDraft of(BrandPolicy policy) {
        return new BrandPolicyDraft(policy.bannedTerms(), policy.competitorMarks(), policy.regexRules(),
                policy.triggerWords(), policy.promptPrefix(), policy.promptSuffix(),
                policy.maxPromptLength().orElse(null), policy.palette(), policy.paletteThreshold(),
                policy.allowPromptInManifest());
    }

    /** The policy; throws {@link com.atelier.governance.failure.InvalidInputException} naming the bad field. */
    public BrandPolicy toPolicy() {
        return new BrandPolicy(bannedTerms, competitorMarks, regexRules, triggerWords, promptPrefix, promptSuffix,
                Optional.ofNullable(maxPromptLength), palette,
                paletteThreshold == null ? BrandPolicy.DEFAULT_PALETTE_THRESHOLD : paletteThreshold,
                allowPromptInManifest != null && allowPromptInManifest);
    }
}
