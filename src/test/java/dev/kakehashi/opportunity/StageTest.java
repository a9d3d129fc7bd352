package dev.kakehashi.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StageTest {

    @Test
    void aTenderMovesForwardAlongThePursuit() {
        assertThat(Stage.IDENTIFIED.canMoveTo(Stage.PREQUALIFICATION)).isTrue();
        assertThat(Stage.PREQUALIFICATION.canMoveTo(Stage.BIDDING)).isTrue();
        assertThat(Stage.BIDDING.canMoveTo(Stage.SUBMITTED)).isTrue();
        assertThat(Stage.SUBMITTED.canMoveTo(Stage.AWARDED)).isTrue();
        assertThat(Stage.SUBMITTED.canMoveTo(Stage.LOST)).isTrue();
    }

    @Test
    void itNeverMovesBack() {
        assertThat(Stage.BIDDING.canMoveTo(Stage.IDENTIFIED)).isFalse();
        assertThat(Stage.SUBMITTED.canMoveTo(Stage.BIDDING)).isFalse();
    }

    @Test
    void itCanBeDroppedUntilSubmittedButNotAfter() {
        assertThat(Stage.IDENTIFIED.canMoveTo(Stage.WITHDRAWN)).isTrue();
        assertThat(Stage.BIDDING.canMoveTo(Stage.WITHDRAWN)).isTrue();
        assertThat(Stage.SUBMITTED.canMoveTo(Stage.WITHDRAWN)).isFalse();
    }

    @Test
    void awardedLostAndWithdrawnAreFinal() {
        for (Stage end : new Stage[] {Stage.AWARDED, Stage.LOST, Stage.WITHDRAWN}) {
            assertThat(end.isClosed()).isTrue();
            assertThat(end.next()).isEmpty();
        }
    }
}
