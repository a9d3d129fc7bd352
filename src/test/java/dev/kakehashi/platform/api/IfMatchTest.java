package dev.kakehashi.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one If-Match rule of the API: required, strong, and naming the current version. */
class IfMatchTest {

    private static int statusOf(Runnable check) {
        try {
            check.run();
            return 200;
        } catch (ProblemException e) {
            return e.problem().status();
        }
    }

    @Test
    void aChangeWithoutIfMatchIsRefusedAsPreconditionRequired() {
        assertThat(statusOf(() -> IfMatch.of(null).require(3, "tender"))).isEqualTo(428);
        assertThat(statusOf(() -> IfMatch.of("  ").require(3, "tender"))).isEqualTo(428);
    }

    @Test
    void onlyTheCurrentVersionPasses() {
        assertThatCode(() -> IfMatch.of("\"3\"").require(3, "tender")).doesNotThrowAnyException();
        assertThat(statusOf(() -> IfMatch.of("\"2\"").require(3, "tender"))).isEqualTo(412);
    }

    @Test
    void aWeakTagNeverMatchesBecauseComparisonIsStrong() {
        assertThat(IfMatch.of("W/\"3\"").matches(3)).isFalse();
        assertThat(statusOf(() -> IfMatch.of("W/\"3\"").require(3, "tender"))).isEqualTo(412);
    }

    @Test
    void aStarMatchesAnyCurrentVersionAndAListMatchesWhenOneOfItsTagsDoes() {
        assertThat(IfMatch.of("*").matches(42)).isTrue();
        assertThat(IfMatch.of("\"1\", \"7\"").matches(7)).isTrue();
        assertThat(IfMatch.of("\"1\", W/\"7\"").matches(7)).isFalse();
    }

    @Test
    void garbageIsPresentButMatchesNothing() {
        IfMatch garbage = IfMatch.of("not-a-tag, \"unterminated");
        assertThat(garbage.isPresent()).isTrue();
        assertThat(statusOf(() -> garbage.require(0, "tender"))).isEqualTo(412);
    }

    @Test
    void thePageSendsTheVersionItRead() {
        assertThat(IfMatch.version(5).matches(5)).isTrue();
        assertThatThrownBy(() -> IfMatch.version(5).require(6, "tender")).isInstanceOf(ProblemException.class);
    }

    @Test
    void theTagOfAVersionIsItsNumber() {
        assertThat(EntityTags.of(5).toString()).isEqualTo("\"5\"");
    }
}
