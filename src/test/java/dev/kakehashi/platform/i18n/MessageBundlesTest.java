package dev.kakehashi.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every visible string exists in English, Japanese and Korean. */
class MessageBundlesTest {

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("i18n.messages", locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static Set<String> ownKeys(ResourceBundle bundle) {
        return new TreeSet<>(Collections.list(bundle.getKeys()));
    }

    @Test
    void japaneseAndKoreanHaveExactlyTheEnglishKeys() {
        Set<String> english = ownKeys(bundle(Locale.ROOT));

        assertThat(ownKeys(bundle(Locale.JAPANESE))).isEqualTo(english);
        assertThat(ownKeys(bundle(Locale.KOREAN))).isEqualTo(english);
    }

    @Test
    void japaneseAndKoreanAreReallyTranslatedAndReadAsUtf8() {
        assertThat(bundle(Locale.JAPANESE).getString("nav.signOut")).isEqualTo("ログアウト");
        assertThat(bundle(Locale.KOREAN).getString("nav.signOut")).isEqualTo("로그아웃");
    }

    @Test
    void everyRoleAndCompanyKindHasALabel() {
        ResourceBundle english = bundle(Locale.ROOT);
        for (dev.kakehashi.platform.security.Role role : dev.kakehashi.platform.security.Role.values()) {
            assertThat(english.containsKey("role." + role.claimValue())).as(role.name()).isTrue();
        }
        for (dev.kakehashi.company.CompanyKind kind : dev.kakehashi.company.CompanyKind.values()) {
            assertThat(english.containsKey("kind." + kind.name())).as(kind.name()).isTrue();
        }
    }
}
