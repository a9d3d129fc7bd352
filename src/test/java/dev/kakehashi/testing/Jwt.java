package dev.kakehashi.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads (never verifies) the parts of a JWT, for tests that inspect or tamper with tokens. */
public final class Jwt {

    private Jwt() {
    }

    public static JsonObject header(String token) {
        return part(token, 0);
    }

    public static JsonObject claims(String token) {
        return part(token, 1);
    }

    /** The same token with its claims replaced and the original signature kept: a forgery. */
    public static String withClaims(String token, JsonObject claims) {
        String[] parts = token.split("\\.");
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + payload + "." + parts[2];
    }

    private static JsonObject part(String token, int index) {
        String json = new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
