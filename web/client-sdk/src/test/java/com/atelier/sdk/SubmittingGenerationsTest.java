package com.atelier.sdk;

import com.atelier.sdk.generation.GenerationRequest;
import com.atelier.sdk.generation.Job;
import com.atelier.sdk.generation.JobState;
import com.atelier.sdk.generation.SubmitMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubmittingGenerationsTest {

    private static final String WS = FakePortal.WORKSPACE;

    @RegisterExtension
    final FakePortal portal = new FakePortal();

    private final AtelierClient atelier = portal.client().build();

    private static GenerationRequest.Builder foxes() {
        return GenerationRequest.builder().model("sdxl").prompt("a red fox in the snow");
    }

    @Test
    void queuesAJobAndPollsUntilItSucceeds() {
        portal.pollsUntilDone = 3;

        Job queued = atelier.generations().submit(WS, foxes().model("flux2").count(2).seed(42L).build());
        Job done = atelier.generations().awaitCompletion(queued, Duration.ofSeconds(5));

        assertThat(queued.state()).isEqualTo(JobState.QUEUED);
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.results()).containsOnlyKeys("sdxl", "flux2");
        assertThat(done.assetsOf("flux2")).extracting(a -> a.seed()).containsExactly(42L, 43L);
        assertThat(done.spec().prompt()).isEqualTo("a red fox in the snow");
        assertThat(portal.requests("GET", "/generations/" + queued.id())).hasSize(3);
    }

    @Test
    void syncModeReturnsTheFinishedJobInOneCall() {
        Job job = atelier.generations().submit(WS, foxes().build(), SubmitMode.SYNC);

        assertThat(job.succeeded()).isTrue();
        assertThat(job.assets()).hasSize(1);
        assertThat(portal.requests("POST", "/generations").get(0).query()).containsEntry("mode", "sync");
    }

    @Test
    void sendsOnlyTheFieldsThatWereSetAndAnIdempotencyKey() throws Exception {
        atelier.generations().submit(WS, foxes().lora("brand-style", 0.8f).width(768).build());

        FakePortal.Seen post = portal.requests("POST", "/generations").get(0);
        JsonNode body = new ObjectMapper().readTree(post.body());
        assertThat(body.fieldNames()).toIterable().containsExactlyInAnyOrder("models", "prompt", "loras", "width");
        assertThat(body.get("loras").get(0).get("weight").floatValue()).isEqualTo(0.8f);
        assertThat(post.header("Idempotency-Key")).isNotBlank();
        assertThat(post.header("Content-Type")).isEqualTo("application/json");
        assertThat(post.query()).containsEntry("mode", "async");
    }

    @Test
    void reusesTheIdempotencyKeyWhenTheReplyToASubmissionIsLost() {
        portal.failNext("POST", "/generations", Fault.dropAfterHandling());

        Job job = atelier.generations().submit(WS, foxes().build());

        var posts = portal.requests("POST", "/generations");
        assertThat(posts).hasSize(2);
        assertThat(posts.get(1).header("Idempotency-Key")).isEqualTo(posts.get(0).header("Idempotency-Key"));
        assertThat(portal.jobCount()).isEqualTo(1);
        assertThat(job.id()).isNotBlank();
    }

    @Test
    void givesEverySubmissionItsOwnIdempotencyKey() {
        atelier.generations().submit(WS, foxes().build());
        atelier.generations().submit(WS, foxes().build());

        var posts = portal.requests("POST", "/generations");
        assertThat(posts.get(0).header("Idempotency-Key")).isNotEqualTo(posts.get(1).header("Idempotency-Key"));
        assertThat(portal.jobCount()).isEqualTo(2);
    }

    @Test
    void aCallerKeyReturnsTheSameJobOnASecondSubmission() {
        Job first = atelier.generations().submit(WS, foxes().build(), SubmitMode.ASYNC, "nightly-2026-01-31");
        Job again = atelier.generations().submit(WS, foxes().build(), SubmitMode.ASYNC, "nightly-2026-01-31");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(portal.jobCount()).isEqualTo(1);
    }

    @Test
    void stopsWaitingAfterTheTimeoutAndSaysWhereTheJobIs() {
        portal.pollsUntilDone = Integer.MAX_VALUE;
        Job queued = atelier.generations().submit(WS, foxes().build());

        assertThatThrownBy(() -> atelier.generations().awaitCompletion(queued, Duration.ofMillis(60)))
                .isInstanceOfSatisfying(JobTimeoutException.class,
                        e -> assertThat(e.lastSeen().state()).isEqualTo(JobState.RUNNING));
    }

    @Test
    void reportsAFailedJobWithItsReason() {
        portal.nextFailure = "No inference endpoint serves sdxl";

        Job job = atelier.generations().run(WS, foxes().build(), Duration.ofSeconds(5));

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.failureReason()).hasValue("No inference endpoint serves sdxl");
        assertThat(job.assets()).isEmpty();
    }

    @Test
    void cancelsAQueuedJob() {
        Job queued = atelier.generations().submit(WS, foxes().build());

        assertThat(atelier.generations().cancel(WS, queued.id()).state()).isEqualTo(JobState.CANCELLED);
    }

    @Test
    void refusesToCancelAFinishedJobWithAConflict() {
        Job done = atelier.generations().submit(WS, foxes().build(), SubmitMode.SYNC);

        assertThatThrownBy(() -> atelier.generations().cancel(WS, done.id()))
                .isInstanceOfSatisfying(AtelierApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.CONFLICT);
                    assertThat(e.detail()).hasValueSatisfying(d -> assertThat(d).contains("only a queued job"));
                });
    }

    @Test
    void refusesToBuildARequestWithoutModelOrPrompt() {
        assertThatThrownBy(() -> GenerationRequest.builder().prompt("x").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("model");
        assertThatThrownBy(() -> GenerationRequest.builder().model("sdxl").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("prompt");
    }
}
