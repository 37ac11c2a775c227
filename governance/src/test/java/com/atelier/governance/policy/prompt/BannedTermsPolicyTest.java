package com.atelier.governance.policy.prompt;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BannedTermsPolicyTest {

    @Test
    void bannedTermsMatchWholeWordsInAnyCase() {
        var policy = new BannedTermsPolicy(List.of("gore", "Deepfake of"));

        assertThat(policy.refusal("ws", "A scene of GORE", "")).hasValueSatisfying(r -> assertThat(r).contains("'gore'"));
        assertThat(policy.refusal("ws", "a deepfake of a CEO", "")).isPresent();
        assertThat(policy.refusal("ws", "Al Gore's podium, gorgeous light", "")).as("whole words only")
                .hasValueSatisfying(r -> assertThat(r).contains("gore"));
        assertThat(policy.refusal("ws", "gorgeous gorges", "")).isEmpty();
    }
}
