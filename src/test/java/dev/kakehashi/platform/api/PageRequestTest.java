package dev.kakehashi.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void withoutParametersItIsTheFirstPageOfTwenty() {
        PageRequest page = PageRequest.of((String) null, null);

        assertThat(page.page()).isZero();
        assertThat(page.size()).isEqualTo(20);
        assertThat(page.offset()).isZero();
    }

    @Test
    void offsetIsPageTimesSize() {
        assertThat(PageRequest.of(3, 50).offset()).isEqualTo(150);
    }

    @Test
    void sizeAboveTwoHundredIsRefusedAsAnInvalidPage() {
        assertThatThrownBy(() -> PageRequest.of(0, 201))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().type().toString()).endsWith("/invalid-page");
                    assertThat(e.problem().detail()).contains("200");
                });
    }

    @Test
    void negativePageAndZeroSizeAreRefused() {
        assertThatThrownBy(() -> PageRequest.of(-1, 20)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> PageRequest.of(0, 0)).isInstanceOf(ProblemException.class);
    }

    private static int status(String page, String size) {
        try {
            PageRequest.of(page, size);
            return 200;
        } catch (ProblemException e) {
            assertThat(e.problem().type().toString()).endsWith("/invalid-page");
            return e.problem().status();
        }
    }

    @Test
    void aPageThatIsNoWholeNumberIsAnInvalidPageNotANotFound() {
        assertThat(status("abc", null)).isEqualTo(400);
        assertThat(status("1.5", null)).isEqualTo(400);
        assertThat(status(null, "ten")).isEqualTo(400);
        assertThat(status("99999999999999999999", null)).isEqualTo(400);
    }

    @Test
    void aPageSoFarThatItsOffsetWouldOverflowIsAnInvalidPage() {
        assertThat(status("2147483647", "200")).isEqualTo(400);
        assertThat(status("50001", "200")).isEqualTo(400);
        assertThat(status("49999", "200")).isEqualTo(200);
    }
}
