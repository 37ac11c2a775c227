package com.atelier.governance.workspace;

import com.atelier.governance.failure.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewWorkspaceTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "spring-campaign", "team42", "x1-y2"})
    void acceptsUrlFriendlySlugs(String slug) {
        assertThat(new NewWorkspace(slug, "Name", null).slug()).isEqualTo(slug);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Spring", "-lead", "trail-", "has space", "ünï", "a/b",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvw"})
    void rejectsSlugsThatDoNotFitInAUrl(String slug) {
        assertThatThrownBy(() -> new NewWorkspace(slug, "Name", ""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("slug"));
    }

    @Test
    void rejectsOverLongNameNamingTheLimit() {
        assertThatThrownBy(() -> new NewWorkspace("ok", "n".repeat(121), ""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.getMessage()).contains("121").contains("120");
                });
    }

    @Test
    void stripsNameAndDefaultsDescription() {
        NewWorkspace ws = new NewWorkspace("ok", "  Spring  ", null);
        assertThat(ws.name()).isEqualTo("Spring");
        assertThat(ws.description()).isEmpty();
    }

    @Test
    void rejectsMissingName() {
        assertThatThrownBy(() -> new NewWorkspace("ok", "  ", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }
}
