package dev.kakehashi.platform.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Idempotency-Key support for every create: the same key with the same request answers the first
 * result again; the same key with another request is refused with 422. Keys are per company, so
 * two companies can never see each other's outcomes.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 255;

    /** What a create produced: status, where the new resource lives, and its representation. */
    public record Created(URI location, Object entity) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    private final Jsonb jsonb = JsonbBuilder.create(new jakarta.json.bind.JsonbConfig().withNullValues(false));

    /**
     * Runs {@code create} once per key. Without a key it simply runs. The create and the remembered
     * outcome commit together, so a failed create leaves no key behind.
     */
    @Transactional
    public Response create(String key, String method, String path, String requestBody, Supplier<Created> create) {
        if (key == null) {
            return respond(create.get());
        }
        checkKey(key);
        String fingerprint = fingerprint(method, path, requestBody);
        IdempotentRequest earlier = em.createQuery(
                        "select r from IdempotentRequest r where r.key = :key", IdempotentRequest.class)
                .setParameter("key", key)
                .getResultStream().findFirst().orElse(null);
        if (earlier != null) {
            if (!earlier.sameRequestAs(fingerprint)) {
                throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "Idempotency-Key '" + key + "' was already used with a different request");
            }
            return replay(earlier);
        }
        Created created = create.get();
        String body = created.entity() == null ? null : jsonb.toJson(created.entity());
        em.persist(new IdempotentRequest(key, fingerprint, 201,
                created.location() == null ? null : created.location().toString(), body, clock.instant()));
        return respond(created);
    }

    static void checkKey(String key) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ProblemException(ProblemType.INVALID_REQUEST,
                    "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
    }

    static String fingerprint(String method, String path, String requestBody) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + ' ' + path + '\n').getBytes(StandardCharsets.UTF_8));
            sha.update((requestBody == null ? "" : requestBody).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static Response respond(Created created) {
        Response.ResponseBuilder response = Response.status(Response.Status.CREATED).entity(created.entity());
        if (created.location() != null) {
            response.location(created.location());
        }
        return response.build();
    }

    private static Response replay(IdempotentRequest earlier) {
        Response.ResponseBuilder response = Response.status(earlier.status())
                .header("Idempotent-Replayed", "true");
        if (earlier.body() != null) {
            response.entity(earlier.body()).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
        }
        if (earlier.location() != null) {
            response.location(URI.create(earlier.location()));
        }
        return response.build();
    }
}
