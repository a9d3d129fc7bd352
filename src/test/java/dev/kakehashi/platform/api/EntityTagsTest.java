package dev.kakehashi.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntityTagsTest {

    @Test
    void noIfMatchOrAStarExpectsNothing() {
        assertThat(EntityTags.expectedVersion(null)).isEmpty();
        assertThat(EntityTags.expectedVersion(" ")).isEmpty();
        assertThat(EntityTags.expectedVersion("*")).isEmpty();
    }

    @Test
    void strongAndWeakTagsNameTheVersion() {
        assertThat(EntityTags.expectedVersion("\"7\"")).contains(7L);
        assertThat(EntityTags.expectedVersion("W/\"7\"")).contains(7L);
    }

    @Test
    void aTagThatIsNoVersionOfOursIsStale() {
        assertThatThrownBy(() -> EntityTags.expectedVersion("\"abc\""))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(412));
    }

    @Test
    void onlyTheCurrentVersionPasses() {
        assertThatCode(() -> EntityTags.requireCurrent(Optional.of(3L), 3)).doesNotThrowAnyException();
        assertThatCode(() -> EntityTags.requireCurrent(Optional.empty(), 3)).doesNotThrowAnyException();
        assertThatThrownBy(() -> EntityTags.requireCurrent(Optional.of(2L), 3))
                .isInstanceOfSatisfying(ProblemException.class, e ->
                        assertThat(e.problem().type().toString()).endsWith("/stale-etag"));
    }

    @Test
    void theTagOfAVersionIsItsNumber() {
        assertThat(EntityTags.of(5).toString()).isEqualTo("\"5\"");
    }
}
