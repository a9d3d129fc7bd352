package dev.kakehashi.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The secrets a production start refuses: missing ones, and the demo's. */
class ProductionSafetyTest {

    @Test
    void realSecretsPass() {
        assertThat(ProductionSafety.secretFindings(Optional.of("a9f3…long-random"), Optional.of("b81c…long-random"), Optional.of("c0de…random")))
                .isEmpty();
    }

    @Test
    void missingAndDemoSecretsAreEachNamed() {
        assertThat(ProductionSafety.secretFindings(Optional.of("kakehashi-web-secret"), Optional.empty(), Optional.of("kakehashi")))
                .containsExactly("KAKEHASHI_OIDC_CLIENT_SECRET is a demo value", "KAKEHASHI_KEYCLOAK_ADMIN_SECRET is not set",
                        "KAKEHASHI_DB_PASSWORD is a demo value");
        assertThat(ProductionSafety.secretFindings(Optional.of(" "), Optional.of("kakehashi-admin-secret"), Optional.of("real")))
                .containsExactly("KAKEHASHI_OIDC_CLIENT_SECRET is not set", "KAKEHASHI_KEYCLOAK_ADMIN_SECRET is a demo value");
    }

    @Test
    void sealedPricesNeedAKeyOfTheInstallationsOwn() {
        assertThat(ProductionSafety.priceKeyFindings(Optional.empty())).singleElement().asString().contains("KAKEHASHI_PRICES_KEYS is not set");
        assertThat(ProductionSafety.priceKeyFindings(Optional.of("p2:abc,dev:xyz"))).singleElement().asString().contains("development key");
        assertThat(ProductionSafety.priceKeyFindings(Optional.of("p2027a:0123456789abcdef0123456789abcdef0123456789a="))).isEmpty();
    }
}
