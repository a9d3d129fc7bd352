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

    /**
     * The members a JSON merge patch (RFC 7396) sets to null, which it means to remove: a record read
     * from the body cannot tell them from members the patch leaves out. Call after {@link #read}.
     */
    public static java.util.Set<String> removedMembers(String body) {
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
            java.util.Set<String> removed = new java.util.TreeSet<>();
            reader.readObject().forEach((name, value) -> {
                if (value.getValueType() == jakarta.json.JsonValue.ValueType.NULL) {
                    removed.add(name);
                }
            });
            return removed;
        } catch (jakarta.json.JsonException | ClassCastException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "A JSON object is required");
        }
    }

    static Jsonb jsonb() {
        return JsonConfig.JSONB;
    }
}
