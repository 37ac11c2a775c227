package com.atelier.governance.policy;

import com.atelier.governance.policy.prompt.BannedTermsPolicy;
import com.atelier.governance.policy.prompt.PromptDecision;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static com.atelier.governance.policy.PolicyDrafts.draft;
import static org.assertj.core.api.Assertions.assertThat;

class WorkspacePromptPolicyTest {

    /** Brand policies kept in a map instead of the database. */
    private static final class StoredPolicies extends BrandPolicies {
        private final Map<String, VersionedBrandPolicy> latest = new HashMap<>();

        void save(String workspace, BrandPolicy policy) {
            int next = latest(workspace).version() + 1;
            latest.put(workspace, new VersionedBrandPolicy(workspace, next, policy, Optional.of(Instant.EPOCH),
                    Optional.of("bea")));
        }

        @Override
        public VersionedBrandPolicy latest(String workspaceSlug) {
            return latest.getOrDefault(workspaceSlug, VersionedBrandPolicy.none(workspaceSlug));
        }
    }

    private final StoredPolicies policies = new StoredPolicies();
    private final WorkspacePromptPolicy promptPolicy = new WorkspacePromptPolicy(policies, new BannedTermsPolicy());

    @Test
    void appliesThePortalsBannedTermsInAWorkspaceWithoutPolicy() {
        assertThat(promptPolicy.refusal("acme", "a scene of gore", "")).hasValueSatisfying(r ->
                assertThat(r).contains("'gore'").contains("portal banned terms"));
        assertThat(promptPolicy.apply("acme", "a red sofa", "").effectivePrompt()).isEqualTo("a red sofa");
    }

    @Test
    void rejectsCompetitorMarksOfTheWorkspaceOnly() {
        policies.save("acme", draft().competitors("pepsi").policy());

        PromptDecision decision = promptPolicy.apply("acme", "a can of p3psi", "");
        assertThat(decision.rule()).isEqualTo("competitor mark 'pepsi'");
        assertThat(decision.message()).contains("brand policy v1 of workspace 'acme'");
        assertThat(promptPolicy.apply("globex", "a can of p3psi", "").allowed()).isTrue();
    }

    @Test
    void appliesTheLatestVersion() {
        policies.save("acme", draft().competitors("pepsi").policy());
        assertThat(promptPolicy.apply("acme", "pepsi", "").allowed()).isFalse();

        policies.save("acme", draft().competitors("fanta").policy());
        assertThat(promptPolicy.apply("acme", "pepsi", "").allowed()).isTrue();
        assertThat(promptPolicy.apply("acme", "fanta", "").allowed()).isFalse();
    }

    @Test
    void returnsThePromptWithTheBrandPrefixAndSuffix() {
        policies.save("acme", draft().prefix("acmestyle photo of").suffix("in brand colours").triggers("acmestyle")
                .policy());
        PromptDecision decision = promptPolicy.apply("acme", "a sofa", "");
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.effectivePrompt()).isEqualTo("acmestyle photo of a sofa in brand colours");
    }

    @Test
    void doesNotCheckTheNegativePrompt() {
        policies.save("acme", draft().competitors("pepsi").policy());
        assertThat(promptPolicy.apply("acme", "a red can", "pepsi logo, gore").allowed()).isTrue();
    }
}
