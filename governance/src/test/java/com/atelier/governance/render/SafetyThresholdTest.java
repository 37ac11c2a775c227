package com.atelier.governance.render;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafetyThresholdTest {

    @Test
    void blocksAtTheThresholdAndNamesOnlyTheCategoriesOverIt() {
        var threshold = new SafetyThreshold(0.8f);

        assertThat(threshold.blockedReason(Map.of("nsfw", 0.79f, "violence", 0.1f))).isEmpty();
        assertThat(threshold.blockedReason(Map.of("nsfw", 0.8f, "violence", 0.95f, "hate", 0.2f)))
                .hasValue("safety classifier scored {nsfw=0.8, violence=0.95} (block threshold 0.8)");
    }

    @Test
    void aThresholdThatCouldNeverOrWouldAlwaysBlockIsRefusedAtStart() {
        assertThatThrownBy(() -> new SafetyThreshold(0f)).hasMessageContaining("atelier.safety.block-threshold");
        assertThatThrownBy(() -> new SafetyThreshold(1.5f)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new SafetyThreshold(Float.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
