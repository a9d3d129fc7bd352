package dev.kakehashi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** The signed-in person's own settings, set through the API as the person would set them. */
public final class Me {

    private Me() {
    }

    /** Sets language and time zone at {@code apiUrl} (the test server's, or a load balancer's), with the ETag just read. */
    public static void setPreferences(String apiUrl, String token, String language, String timeZone) {
        String etag = Http.get(apiUrl + "/me/preferences", token).header("ETag");
        Http.Reply changed = Http.putJson(apiUrl + "/me/preferences", token,
                "{\"language\": \"" + language + "\", \"timeZone\": \"" + timeZone + "\"}", Map.of("If-Match", etag));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }

    public static void setPreferences(String token, String language, String timeZone) {
        setPreferences(TestStack.apiUrl(), token, language, timeZone);
    }
}
