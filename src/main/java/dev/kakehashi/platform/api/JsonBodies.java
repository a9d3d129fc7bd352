package dev.kakehashi.platform.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;

/**
 * Reads a request body that a resource took as text, as creates must (the Idempotency-Key
 * fingerprint is taken over the body as sent).
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "A JSON body is required");
        }
        try {
            T value = jsonb().fromJson(body, type);
            if (value == null) {
                throw new ProblemException(ProblemType.INVALID_REQUEST, "A JSON object is required");
            }
            return value;
        } catch (JsonbException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "The body is not valid JSON for this resource");
        }
    }

    static Jsonb jsonb() {
        return JsonConfig.JSONB;
    }
}
