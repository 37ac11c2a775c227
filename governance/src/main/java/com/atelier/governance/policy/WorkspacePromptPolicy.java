package com.atelier.governance.policy;

import com.atelier.governance.policy.prompt.BannedTermsPolicy;
import com.atelier.governance.policy.prompt.PromptPolicy;
import com.atelier.governance.policy.prompt.PromptDecision;
import com.atelier.governance.policy.prompt.PromptRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The prompt policy the generation desk applies: the portal's banned terms, then the workspace's current brand
 * policy (its banned terms, competitor marks, regex rules, trigger words and length limit), with the workspace's
 * prefix and suffix added to the prompt. The only {@link PromptPolicy} bean.
 */
@ApplicationScoped
public class WorkspacePromptPolicy implements PromptPolicy {

    /** Compiled rules per workspace, for the version they were compiled from; a new version replaces them. */
    private final Map<String, CompiledVersion> compiled = new ConcurrentHashMap<>();
    private BrandPolicies policies;
    private BannedTermsPolicy portal;

    private record CompiledVersion(int version, PromptRules rules) {
    }

    protected WorkspacePromptPolicy() {
        // for CDI proxies
    }

    @Inject
    public WorkspacePromptPolicy(BrandPolicies policies) {
        this(policies, new BannedTermsPolicy());
    }

    WorkspacePromptPolicy(BrandPolicies policies, BannedTermsPolicy portal) {
        this.policies = policies;
        this.portal = portal;
    }

    /**
     * The decision on a prompt under the workspace's current policy: refused with the rule that fired, or allowed
     * with the prompt to render (prefix and suffix applied). The negative prompt is not checked: naming what should
     * not appear ("gore, competitor logos") is what it is for.
     */
    @Override
    public PromptDecision apply(String workspace, String prompt, String negativePrompt) {
        return rules(policies.latest(workspace)).check(prompt == null ? "" : prompt);
    }

    @Override
    public Optional<String> refusal(String workspace, String prompt, String negativePrompt) {
        return apply(workspace, prompt, negativePrompt).refusal();
    }

    PromptRules rules(VersionedBrandPolicy current) {
        CompiledVersion cached = compiled.get(current.workspace());
        if (cached != null && cached.version() == current.version()) {
            return cached.rules();
        }
        PromptRules rules = current.policy().promptRules(portal.terms(), current.label());
        compiled.put(current.workspace(), new CompiledVersion(current.version(), rules));
        return rules;
    }
}
