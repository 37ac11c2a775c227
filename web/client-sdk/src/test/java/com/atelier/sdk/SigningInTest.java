package com.atelier.sdk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningInTest {

    @RegisterExtension
    final FakePortal portal = new FakePortal();

    private final TestClock clock = new TestClock();

    @Test
    void signsInWithPasswordThroughThePublicClient() {
        AtelierClient atelier = portal.client().build();

        assertThat(atelier.me().userId()).isEqualTo("u-1");
        assertThat(portal.grants()).containsExactly("password");
        assertThat(portal.requests("GET", "/me").get(0).header("Authorization")).isEqualTo("Bearer at-1");
    }

    @Test
    void signsInAsServiceAccountWithClientCredentials() {
        AtelierClient atelier = portal.client().clientCredentials(FakePortal.CLIENT_ID, FakePortal.CLIENT_SECRET)
                .build();

        assertThat(atelier.workspaces()).extracting(w -> w.slug()).containsExactly(FakePortal.WORKSPACE);
        assertThat(portal.grants()).containsExactly("client_credentials");
    }

    @Test
    void reusesTheTokenUntilShortlyBeforeItExpiresThenRefreshesIt() {
        AtelierClient atelier = portal.client().clock(clock).build();
        atelier.me();
        clock.advance(Duration.ofSeconds(260));
        atelier.me();
        assertThat(portal.grants()).containsExactly("password");

        clock.advance(Duration.ofSeconds(15)); // 275 s: within 30 s of the 300 s lifetime
        atelier.me();

        assertThat(portal.grants()).containsExactly("password", "refresh_token");
        assertThat(portal.requests("GET", "/me").get(2).header("Authorization")).isEqualTo("Bearer at-2");
    }

    @Test
    void signsInAgainWhenTheServiceAccountTokenExpires() {
        AtelierClient atelier = portal.client().clientCredentials(FakePortal.CLIENT_ID, FakePortal.CLIENT_SECRET)
                .clock(clock).build();
        atelier.me();
        clock.advance(Duration.ofSeconds(290));
        atelier.me();

        assertThat(portal.grants()).containsExactly("client_credentials", "client_credentials");
    }

    @Test
    void renewsTheTokenOnceWhenThePortalRejectsIt() {
        AtelierClient atelier = portal.client().build();
        atelier.me();
        portal.revokeTokens();

        assertThat(atelier.me().roles()).containsExactly("designer");
        assertThat(portal.grants()).containsExactly("password", "password");
    }

    @Test
    void reportsWrongPasswordAsUnauthorized() {
        AtelierClient atelier = portal.client().password(FakePortal.USER, "wrong").build();

        assertThatThrownBy(atelier::me).isInstanceOfSatisfying(AtelierApiException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProblemKind.UNAUTHORIZED);
            assertThat(e.detail()).hasValue("invalid_grant: Invalid user credentials");
        });
        assertThat(portal.requests("GET", "/me")).isEmpty();
    }

    @Test
    void sendsAFixedTokenAsGivenAndDoesNotRetryWhenItIsRejected() {
        AtelierClient atelier = portal.client().token("expired-token").build();

        assertThatThrownBy(atelier::me).isInstanceOfSatisfying(AtelierApiException.class,
                e -> assertThat(e.kind()).isEqualTo(ProblemKind.UNAUTHORIZED));
        assertThat(portal.requests("GET", "/me")).hasSize(1);
        assertThat(portal.grants()).isEmpty();
    }
}
