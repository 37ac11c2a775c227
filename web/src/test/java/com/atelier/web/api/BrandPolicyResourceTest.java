package com.atelier.web.api;

import com.atelier.governance.failure.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrandPolicyResourceTest {

    @Test
    void readsTheVersionAnIfMatchHeaderNames() {
        assertThat(BrandPolicyResource.basedOn("\"3\"")).isEqualTo(OptionalInt.of(3));
        assertThat(BrandPolicyResource.basedOn("3")).isEqualTo(OptionalInt.of(3));
        assertThat(BrandPolicyResource.basedOn("W/\"12\"")).isEqualTo(OptionalInt.of(12));
        assertThat(BrandPolicyResource.basedOn(" \"0\" ")).isEqualTo(OptionalInt.of(0));
    }

    @Test
    void anAbsentOrWildcardIfMatchGuardsNothing() {
        assertThat(BrandPolicyResource.basedOn(null)).isEmpty();
        assertThat(BrandPolicyResource.basedOn("")).isEmpty();
        assertThat(BrandPolicyResource.basedOn("*")).isEmpty();
    }

    @Test
    void rejectsAnIfMatchThatIsNotAVersion() {
        assertThatThrownBy(() -> BrandPolicyResource.basedOn("\"abc\"")).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("If-Match"));
    }
}
