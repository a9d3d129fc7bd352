package dev.kakehashi.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void aCursorNamesTheLastRowReadAndComesBackAsItWasGiven() {
        Cursor cursor = Cursor.after(Instant.parse("2027-03-31T10:00:00.123456Z"), "QTLNG-TR-00012");

        Cursor back = Cursor.parse(cursor.token());

        assertThat(cursor.token()).matches(Cursor.PATTERN);
        assertThat(back).isEqualTo(cursor);
        assertThat(back.firstInstant()).isEqualTo(Instant.parse("2027-03-31T10:00:00.123456Z"));
    }

    @Test
    void anythingThisApiDidNotGiveIsAnInvalidPage() {
        for (String forged : new String[] {"not a cursor", "bm90LWEtY3Vyc29y", "a".repeat(Cursor.MAX_LENGTH + 1), "%00"}) {
            assertThatThrownBy(() -> Cursor.parse(forged)).as(forged).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.problem().type()).isEqualTo(ProblemType.INVALID_PAGE.uri()));
        }
        assertThatThrownBy(() -> Cursor.parse(Cursor.after("not a time", "x").token()).firstInstant()).isInstanceOf(ProblemException.class);
        assertThat(Cursor.parse(null)).isNull();
    }

    @Test
    void aPageAndACursorExcludeEachOther() {
        String token = Cursor.after("QTLNG-SKR-MEC-DWG-0001", "id").token();

        assertThat(PageRequest.of(null, "50", token).offset()).isZero();
        assertThat(PageRequest.of("0", "50", token).hasCursor()).isTrue();
        assertThatThrownBy(() -> PageRequest.of("2", "50", token)).isInstanceOf(ProblemException.class);
    }
}
