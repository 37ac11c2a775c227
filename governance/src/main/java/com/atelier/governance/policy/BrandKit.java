package com.atelier.governance.policy;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Permission;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.policy.prompt.PromptPolicy;
import com.atelier.governance.policy.image.ImageSample;
import com.atelier.governance.policy.image.PaletteCheck;
import com.atelier.governance.policy.image.PaletteReport;
import com.atelier.governance.policy.image.UnreadableImageException;
import com.atelier.governance.policy.prompt.PromptDecision;
import com.atelier.governance.workspace.Workspace;
import com.atelier.governance.workspace.WorkspaceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The "try it" side of the brand kit: members test a prompt or an image against their workspace's current brand
 * policy without generating anything. Nothing is stored or audited.
 */
@ApplicationScoped
public class BrandKit {

    private WorkspaceDirectory directory;
    private PromptPolicy promptPolicy;
    private BrandPolicies policies;

    protected BrandKit() {
        // for CDI proxies
    }

    @Inject
    public BrandKit(WorkspaceDirectory directory, PromptPolicy promptPolicy, BrandPolicies policies) {
        this.directory = directory;
        this.promptPolicy = promptPolicy;
        this.policies = policies;
    }

    /** What the generation desk would decide on this prompt now. */
    public PromptDecision testPrompt(Actor actor, String workspaceSlug, String prompt, String negativePrompt) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.VIEW_WORKSPACE);
        if (prompt == null || prompt.isBlank()) {
            throw new InvalidInputException("prompt", "Send the prompt to test, e.g. {\"prompt\": \"a red sofa\"}.");
        }
        return promptPolicy.apply(workspace.slug(), prompt, negativePrompt == null ? "" : negativePrompt);
    }

    /** The palette report the output check would make for this PNG now (skipped when there is no palette). */
    public PaletteReport testImage(Actor actor, String workspaceSlug, byte[] png) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.VIEW_WORKSPACE);
        BrandPolicy policy = policies.latest(workspace.slug()).policy();
        try {
            return new PaletteCheck(policy.palette(), policy.paletteThreshold()).check(ImageSample.of(png));
        } catch (UnreadableImageException e) {
            throw new InvalidInputException("image", "The image cannot be checked: " + e.getMessage()
                    + ". Send a PNG as the request body (Content-Type: image/png).");
        }
    }
}
