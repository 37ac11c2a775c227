package com.atelier.governance.render;

import com.atelier.governance.generation.GenerationSpec;
import com.atelier.governance.policy.BrandOutputCheck;
import com.atelier.governance.policy.BrandPolicies;
import com.atelier.governance.policy.VersionedBrandPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The output checks: the safety classifier's scores against the {@link SafetyThreshold}, and the workspace's
 * brand checks (a PNG of the requested size, not blank, near the brand palette). A failing image is kept but
 * BLOCKED with every reason. The checks of all images, and each image's manifest, are independent of each other
 * and run at the same time; the brand policy is read once for the whole job.
 */
@ApplicationScoped
public class CheckOutputs implements RenderStep {

    private SafetyClassifier classifier;
    private SafetyThreshold threshold;
    private BrandPolicies policies;
    private StepTimers timers;
    private Executor executor;

    protected CheckOutputs() {
        // for CDI proxies
    }

    @Inject
    public CheckOutputs(SafetyClassifier classifier, SafetyThreshold threshold, BrandPolicies policies,
                        StepTimers timers, RenderThreads threads) {
        this(classifier, threshold, policies, timers, (Executor) threads);
    }

    public CheckOutputs(SafetyClassifier classifier, SafetyThreshold threshold, BrandPolicies policies,
                        StepTimers timers, Executor executor) {
        this.classifier = classifier;
        this.threshold = threshold;
        this.policies = policies;
        this.timers = timers;
        this.executor = executor;
    }

    @Override
    public RenderWork apply(RenderWork work) {
        GenerationSpec spec = work.ticket().spec();
        VersionedBrandPolicy policy = policies.latest(work.ticket().workspace());
        List<CompletableFuture<RenderOutput>> checks = work.outputs().stream()
                .map(image -> check(image, work, policy, spec))
                .toList();
        try {
            return work.withOutputs(checks.stream().map(CompletableFuture::join).toList());
        } catch (CompletionException e) {
            // the route's error policy matches on the real failure (an inference outage is retried forever)
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private CompletableFuture<RenderOutput> check(RenderOutput image, RenderWork work, VersionedBrandPolicy policy,
                                                  GenerationSpec spec) {
        long started = System.nanoTime();
        var safety = CompletableFuture.supplyAsync(() -> timers.time("check.safety", image.model(),
                () -> threshold.blockedReason(classifier.scores(image.pixels()))), executor);
        var brand = CompletableFuture.supplyAsync(() -> timers.time("check.brand", image.model(),
                () -> BrandOutputCheck.check(policy, image.pixels(), spec.width(), spec.height()).reasons()), executor);
        var manifest = CompletableFuture.supplyAsync(() -> GenerationManifests.prepare(work.ticket(), image),
                executor);
        return safety.thenCombine(brand, (Optional<String> unsafe, List<String> offBrand) -> {
            List<String> reasons = new ArrayList<>();
            unsafe.ifPresent(reasons::add);
            reasons.addAll(offBrand);
            return reasons;
        }).thenCombine(manifest, (reasons, prepared) -> {
            timers.record("check", image.model(), Duration.ofNanos(System.nanoTime() - started));
            return image.checked(reasons, prepared);
        });
    }
}
