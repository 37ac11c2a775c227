package com.atelier.integrations.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    @Test
    void matchesTheRfc4231HmacSha256TestVector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(WebhookSignature.hmac("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void signsTheTimestampTogetherWithTheBody() {
        String header = WebhookSignature.header("s3cret-s3cret-s3cret", 1_795_000_000L, "{\"job\":\"1\"}");

        assertThat(header).isEqualTo("t=1795000000,v1="
                + WebhookSignature.hmac("s3cret-s3cret-s3cret", "1795000000.{\"job\":\"1\"}"));
        assertThat(header).isNotEqualTo(WebhookSignature.header("s3cret-s3cret-s3cret", 1_795_000_001L,
                "{\"job\":\"1\"}"));
    }
}
