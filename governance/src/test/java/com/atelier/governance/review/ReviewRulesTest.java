package com.atelier.governance.review;

import com.atelier.governance.asset.AssetState;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.workspace.ReviewSettings;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewRulesTest {

    private static final ReviewSettings ONE = new ReviewSettings(1, false);
    private static final ReviewSettings TWO = new ReviewSettings(2, false);

    @Test
    void oneApprovalApprovesWhenTheWorkspaceNeedsOne() {
        assertThat(ReviewRules.after(Verdict.APPROVE, 1, ONE)).isEqualTo(AssetState.APPROVED);
    }

    @Test
    void theFirstOfTwoRequiredApprovalsKeepsTheAssetInReview() {
        assertThat(ReviewRules.after(Verdict.APPROVE, 1, TWO)).isEqualTo(AssetState.IN_REVIEW);
        assertThat(ReviewRules.after(Verdict.APPROVE, 2, TWO)).isEqualTo(AssetState.APPROVED);
    }

    @Test
    void rejectionAndRequestForChangesTakeEffectAtOnceWhateverTheApprovals() {
        assertThat(ReviewRules.after(Verdict.REJECT, 1, TWO)).isEqualTo(AssetState.REJECTED);
        assertThat(ReviewRules.after(Verdict.REQUEST_CHANGES, 1, TWO)).isEqualTo(AssetState.CHANGES_REQUESTED);
    }

    @Test
    void onlyRejectionAndChangeRequestsNeedAComment() {
        assertThat(Verdict.APPROVE.requiresComment()).isFalse();
        assertThat(Verdict.REJECT.requiresComment()).isTrue();
        assertThat(Verdict.REQUEST_CHANGES.requiresComment()).isTrue();
    }

    @Test
    void theGeneratorOrTheSubmitterReviewingIsASelfReview() {
        assertThat(ReviewRules.isSelfReview("ada", "ada", "bob")).isTrue();
        assertThat(ReviewRules.isSelfReview("bob", "ada", "bob")).isTrue();
        assertThat(ReviewRules.isSelfReview("cy", "ada", "bob")).isFalse();
    }

    @Test
    void onlyGeneratedAssetsOrThoseSentBackCanBeSubmitted() {
        assertThat(EnumSet.allOf(AssetState.class).stream().filter(AssetState::canBeSubmitted))
                .containsExactlyInAnyOrder(AssetState.GENERATED, AssetState.CHANGES_REQUESTED);
        assertThat(EnumSet.allOf(AssetState.class).stream().filter(AssetState::isReleasable))
                .containsExactly(AssetState.APPROVED);
    }

    @Test
    void workspaceSettingsRefuseImpossibleApprovalCounts() {
        assertThatThrownBy(() -> new ReviewSettings(0, false)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ReviewSettings(6, false)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aReviewRequestNeedsATitleReviewersAndAssets() {
        List<UUID> one = List.of(UUID.randomUUID());
        assertThatThrownBy(() -> new NewReviewRequest(" ", Optional.empty(), List.of("ad"), one))
                .hasMessageContaining("title");
        assertThatThrownBy(() -> new NewReviewRequest("Spring", Optional.empty(), List.of(), one))
                .hasMessageContaining("reviewer");
        assertThatThrownBy(() -> new NewReviewRequest("Spring", Optional.empty(), List.of("ad"), List.of()))
                .hasMessageContaining("1 to 100 assets");
    }

    @Test
    void mentionsAreMemberNamesAfterAnAtSignButNotEmailAddresses() {
        assertThat(AssetComments.mentions("@designer please warm the palette, cc @art-director. Mail ops@acme.com"))
                .containsExactly("designer", "art-director");
    }

    @Test
    void regionsMustLieInsideTheImage() {
        assertThat(new Region(0.1f, 0.2f, 0.5f, 0.5f).width()).isEqualTo(0.5f);
        assertThatThrownBy(() -> new Region(0.8f, 0f, 0.5f, 0.5f)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Region(0f, 0f, 0f, 0.5f)).isInstanceOf(InvalidInputException.class);
    }
}
