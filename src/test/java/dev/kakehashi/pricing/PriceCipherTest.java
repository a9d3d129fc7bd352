package dev.kakehashi.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PriceCipherTest {

    private static final String K1 = "k1:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String K2 = "k2:" + Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    @Test
    void aSealedPriceOpensOnlyAsTheContributionItWasWrittenFor() {
        PriceCipher cipher = new PriceCipher(K1, "");
        String sealed = cipher.seal("{\"amount\":\"612000000.00\"}", "consortium/company");

        assertThat(sealed).startsWith("k1:").doesNotContain("612000000");
        assertThat(cipher.open(sealed, "consortium/company")).isEqualTo("{\"amount\":\"612000000.00\"}");
        assertThatThrownBy(() -> cipher.open(sealed, "consortium/other-company")).isInstanceOf(IllegalStateException.class);
        String altered = sealed.substring(0, sealed.length() - 3) + (sealed.endsWith("A==") ? "B==" : "A==");
        assertThatThrownBy(() -> cipher.open(altered, "consortium/company")).isInstanceOf(IllegalStateException.class);
        assertThat(cipher.seal("same", "x")).isNotEqualTo(cipher.seal("same", "x"));
    }

    @Test
    void keysRotateANewKeyEncryptsAndTheOldOneStillOpens() {
        String underK1 = new PriceCipher(K1, "").seal("price", "x");
        PriceCipher rotated = new PriceCipher(K2 + "," + K1, "k2");

        assertThat(rotated.seal("price", "x")).startsWith("k2:");
        assertThat(rotated.open(underK1, "x")).isEqualTo("price");
        assertThatThrownBy(() -> new PriceCipher(K2, "").open(underK1, "x")).hasMessageContaining("k1");
        assertThatThrownBy(() -> new PriceCipher("k3:" + Base64.getEncoder().encodeToString(new byte[16]), "")).hasMessageContaining("32 bytes");
    }
}
