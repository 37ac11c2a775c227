package com.atelier.governance.render;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckOutputsTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final RenderFixtures.NoBrandPalette policies = new RenderFixtures.NoBrandPalette();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private CheckOutputs checks(SafetyClassifier classifier) {
        return new CheckOutputs(classifier, new SafetyThreshold(0.9f), policies, RenderFixtures.timers(), threads);
    }

    private static RenderWork rendered(int size, RenderOutput... images) {
        var ticket = RenderFixtures.ticket(RenderFixtures.spec(List.of("sdxl"), size, images.length), false);
        return new RenderWork(ticket, List.of(images), 80, false);
    }

    @Test
    void anImageTheClassifierScoresAtTheThresholdIsBlockedWithItsScoresAndTheOtherPasses() {
        byte[] unsafe = RenderFixtures.png(32, 32, 1);
        SafetyClassifier classifier = png -> png == unsafe ? Map.of("nsfw", 0.9f, "violence", 0.1f)
                : Map.of("nsfw", 0.2f);
        var work = rendered(32, RenderOutput.rendered("sdxl", "1", 0, 7, 32, 32, unsafe, 40),
                RenderFixtures.rendered("sdxl", 1, 32));

        RenderWork checked = checks(classifier).apply(work);

        assertThat(checked.outputs().get(0).blockedReason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("{nsfw=0.9}").contains("block threshold 0.9").doesNotContain("violence"));
        assertThat(checked.outputs().get(1).blockedReason()).isEmpty();
        assertThat(checked.outputs()).allSatisfy(o -> assertThat(o.manifest()).hasValueSatisfying(
                manifest -> assertThat(manifest.generation().jobId()).isEqualTo(work.ticket().jobId().toString())));
        assertThat(policies.reads).as("one brand policy read for the whole job").isEqualTo(1);
    }

    @Test
    void anImageOfTheWrongSizeIsBlockedByTheBrandCheck() {
        var work = rendered(64, RenderFixtures.rendered("sdxl", 0, 32));

        RenderWork checked = checks(png -> Map.of("nsfw", 0.0f)).apply(work);

        assertThat(checked.outputs().get(0).blockedReason()).hasValueSatisfying(
                reason -> assertThat(reason).contains("32").contains("64"));
    }

    @Test
    void theImagesOfAJobAreClassifiedAtTheSameTime() {
        // each classification waits until both have started: done one after the other, the step would time out
        CountDownLatch bothStarted = new CountDownLatch(2);
        SafetyClassifier classifier = png -> {
            bothStarted.countDown();
            try {
                if (!bothStarted.await(5, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the other image's check never started");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of("nsfw", 0.0f);
        };
        var work = rendered(32, RenderFixtures.rendered("sdxl", 0, 32), RenderFixtures.rendered("sdxl", 1, 32));

        assertThat(checks(classifier).apply(work).outputs()).allSatisfy(o -> assertThat(o.blockedReason()).isEmpty());
    }

    @Test
    void aClassifierOutageReachesTheRouteAsItself() {
        class ClassifierDown extends RuntimeException {
        }
        var work = rendered(32, RenderFixtures.rendered("sdxl", 0, 32));

        assertThatThrownBy(() -> checks(png -> {
            throw new ClassifierDown();
        }).apply(work)).isInstanceOf(ClassifierDown.class);
    }
}
