package com.atelier.governance.policy;

import org.junit.jupiter.api.Test;

import static com.atelier.governance.policy.PolicyDrafts.draft;
import static org.assertj.core.api.Assertions.assertThat;

class BrandPolicyDocumentTest {

    @Test
    void aStoredPolicyReadsBackEqual() {
        BrandPolicy policy = draft().banned("smoke", "fast food").competitors("Pepsi", "コカ・コーラ")
                .regex("no-urls", "https?://\\S+", "No \"links\".").triggers("acmestyle").prefix("acmestyle,")
                .suffix(", studio light").maxPromptLength(400).palette("#e30613", "#ffffff").threshold(12.5)
                .allowPromptInManifest(true).policy();

        assertThat(BrandPolicyDocument.read(BrandPolicyDocument.write(policy))).isEqualTo(policy);
        assertThat(BrandPolicyDocument.read(BrandPolicyDocument.write(BrandPolicy.NONE))).isEqualTo(BrandPolicy.NONE);
    }

    @Test
    void storesThePortalLimitAsNull() {
        assertThat(BrandPolicyDocument.toJson(BrandPolicy.NONE).isNull("maxPromptLength")).isTrue();
    }
}
