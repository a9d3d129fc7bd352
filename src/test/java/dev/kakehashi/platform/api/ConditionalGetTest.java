package dev.kakehashi.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionalGetTest {

    @Test
    void ifNoneMatchComparesWeakly() {
        assertThat(ConditionalGet.matches("\"3\"", "3")).isTrue();
        assertThat(ConditionalGet.matches("W/\"3\"", "3")).isTrue();
        assertThat(ConditionalGet.matches("\"2\", W/\"3\"", "3")).isTrue();
        assertThat(ConditionalGet.matches("*", "3")).isTrue();
        assertThat(ConditionalGet.matches("\"2\"", "3")).isFalse();
        assertThat(ConditionalGet.matches("\"33\"", "3")).isFalse();
    }
}
