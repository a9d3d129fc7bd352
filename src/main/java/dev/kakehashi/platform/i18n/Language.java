package dev.kakehashi.platform.i18n;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages every screen is written in. */
public enum Language {
    EN(Locale.ENGLISH, "English"),
    JA(Locale.JAPANESE, "日本語"),
    KO(Locale.KOREAN, "한국어");

    private final Locale locale;
    private final String nativeName;

    Language(Locale locale, String nativeName) {
        this.locale = locale;
        this.nativeName = nativeName;
    }

    public Locale locale() {
        return locale;
    }

    public String code() {
        return locale.getLanguage();
    }

    public String nativeName() {
        return nativeName;
    }

    public static Optional<Language> of(String code) {
        return Arrays.stream(values()).filter(l -> l.code().equalsIgnoreCase(code)).findFirst();
    }
}
