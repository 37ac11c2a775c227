package com.atelier.sdk;

import com.atelier.sdk.generation.GenerationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiErrorsTest {

    @RegisterExtension
    final FakePortal portal = new FakePortal();

    private final AtelierClient atelier = portal.client().build();

    @Test
    void turnsProblemJsonIntoATypedException() {
        assertThatThrownBy(() -> atelier.generations().job(FakePortal.FORBIDDEN_WORKSPACE, "any"))
                .isInstanceOfSatisfying(AtelierApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.kind()).isEqualTo(ProblemKind.FORBIDDEN);
                    assertThat(e.title()).isEqualTo("Forbidden");
                    assertThat(e.detail()).hasValue("You are not a member of workspace secret-studio.");
                    assertThat(e.type()).hasValue("urn:atelier:problem:forbidden");
                    assertThat(e.requestId()).hasValueSatisfying(id -> assertThat(id).startsWith("req-"));
                    assertThat(e.getMessage()).contains("403 Forbidden", "request id req-");
                });
    }

    @Test
    void namesTheFieldAPolicyRefused() {
        var request = GenerationRequest.builder().model("sdxl").prompt("better than competitor X").build();

        assertThatThrownBy(() -> atelier.generations().submit(FakePortal.WORKSPACE, request))
                .isInstanceOfSatisfying(AtelierApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.POLICY_REFUSED);
                    assertThat(e.field()).hasValue("prompt");
                });
    }

    @Test
    void retriesAfterA503AndReturnsTheAnswer() {
        portal.failNext("GET", "/me", Fault.unavailable());

        assertThat(atelier.me().userId()).isEqualTo("u-1");
        assertThat(portal.requests("GET", "/me")).hasSize(2);
    }

    @Test
    void waitsAsLongAsRetryAfterSaysOnA429() {
        portal.failNext("GET", "/workspaces", Fault.tooManyRequests(1));
        long started = System.nanoTime();

        assertThat(atelier.workspaces()).hasSize(1);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(portal.requests("GET", "/workspaces")).hasSize(2);
    }

    @Test
    void reportsAQuotaThatResetsLaterThanItWouldWaitWithoutRetrying() {
        portal.failNext("GET", "/me", Fault.tooManyRequests(3600));

        assertThatThrownBy(atelier::me).isInstanceOfSatisfying(AtelierApiException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProblemKind.TOO_MANY_REQUESTS);
            assertThat(e.retryAfter()).hasValue(Duration.ofHours(1));
        });
        assertThat(portal.requests("GET", "/me")).hasSize(1);
    }

    @Test
    void givesUpAfterTheRetryPolicysAttempts() {
        for (int i = 0; i < 5; i++) {
            portal.failNext("GET", "/me", Fault.unavailable());
        }

        assertThatThrownBy(atelier::me).isInstanceOfSatisfying(AtelierApiException.class,
                e -> assertThat(e.kind()).isEqualTo(ProblemKind.UNAVAILABLE));
        assertThat(portal.requests("GET", "/me")).hasSize(4);
    }

    @Test
    void retriesAReadWhoseConnectionDropped() {
        portal.failNext("GET", "/me", Fault.dropBeforeHandling());

        assertThat(atelier.me().workspaces()).hasSize(1);
    }

    @Test
    void keepsWhatAProxySaidWhenTheBodyIsNotAProblem() {
        portal.failNext("GET", "/me", Fault.plainText(502, "<html>Bad gateway</html>"));

        assertThatThrownBy(atelier::me).isInstanceOfSatisfying(AtelierApiException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProblemKind.OTHER);
            assertThat(e.title()).isEqualTo("HTTP 502");
            assertThat(e.detail()).hasValue("<html>Bad gateway</html>");
        });
    }

    @Test
    void saysThePortalIsUnreachableWhenNothingListens() throws Exception {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/api/v1");
        }
        AtelierClient nowhere = portal.client().url(closed).build();

        assertThatThrownBy(nowhere::me).isInstanceOf(AtelierUnreachableException.class)
                .hasMessageContaining(closed.toString());
    }
}
