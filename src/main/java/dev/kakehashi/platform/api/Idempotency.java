package dev.kakehashi.platform.api;

import dev.kakehashi.platform.Digests;
import dev.kakehashi.platform.security.CallerContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Idempotency-Key support for every create: the same key with the same request answers the first
 * result again; the same key with another request is refused with 422. A key belongs to the caller
 * who used it (a person or an ERP client of one company), lives 24 hours unless configured otherwise,
 * and a replay answers only while that caller may still see what was created.
 */
@ApplicationScoped
public class Idempotency {

    private static final Logger LOG = Logger.getLogger(Idempotency.class.getName());

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 255;

    /** What a create produced: where the new resource lives, its representation, and its id (for the visibility check of a replay). */
    public record Created(URI location, Object entity, String resourceId) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CallerContext context;

    @Inject
    @ConfigProperty(name = "kakehashi.idempotency.ttl", defaultValue = "PT24H")
    Duration ttl;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    jakarta.enterprise.inject.Instance<Idempotency> self;

    private java.util.concurrent.ScheduledFuture<?> cleanup;

    private final Jsonb jsonb = JsonbBuilder.create(new jakarta.json.bind.JsonbConfig().withNullValues(false));

    /**
     * Runs {@code create} once per key and caller. Without a key it simply runs. The create and the
     * remembered outcome commit together, so a failed create leaves no key behind. Before a replay,
     * {@code stillVisible} is given the id of what was created and must throw (404) when the caller may
     * no longer see it.
     */
    @Transactional
    public Response create(String key, String method, String path, String requestBody, Supplier<Created> create, Consumer<String> stillVisible) {
        if (key == null) {
            return respond(create.get());
        }
        checkKey(key);
        String caller = context.caller().userId();
        String fingerprint = fingerprint(method, path, requestBody);
        Instant now = clock.instant();
        IdempotentRequest earlier = em.createQuery(
                        "select r from IdempotentRequest r where r.callerId = :caller and r.key = :key", IdempotentRequest.class)
                .setParameter("caller", caller)
                .setParameter("key", key)
                .getResultStream().findFirst().orElse(null);
        if (earlier != null && earlier.hasExpired(now.minus(ttl))) {
            em.remove(earlier);
            em.flush();
            earlier = null;
        }
        if (earlier != null) {
            if (!earlier.sameRequestAs(fingerprint)) {
                throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "Idempotency-Key '" + key + "' was already used with a different request");
            }
            if (earlier.resourceId() != null) {
                stillVisible.accept(earlier.resourceId());
            }
            return replay(earlier);
        }
        Created created = create.get();
        String body = created.entity() == null ? null : jsonb.toJson(created.entity());
        em.persist(new IdempotentRequest(caller, key, fingerprint, 201,
                created.location() == null ? null : created.location().toString(), body, created.resourceId(), now));
        return respond(created);
    }

    /** Expired keys are forgotten, once an hour, by all replicas alike (the delete is idempotent). */
    void startCleanup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // Through the container's reference, so that the delete runs in a transaction of its own
        cleanup = scheduler.scheduleWithFixedDelay(() -> self.get().forgetExpired(), 5, 60, TimeUnit.MINUTES);
    }

    /** The server's scheduler outlives the application: a task left behind would keep every class of it. */
    @jakarta.annotation.PreDestroy
    void stopCleanup() {
        if (cleanup != null) {
            cleanup.cancel(false);
        }
    }

    @Transactional
    public int forgetExpired() {
        try {
            // Every company's keys: a native statement, which the tenant filter does not narrow.
            int removed = em.createNativeQuery("DELETE FROM idempotent_request WHERE created_at < ?1")
                    .setParameter(1, clock.instant().minus(ttl)).executeUpdate();
            LOG.fine(() -> "Forgot " + removed + " expired idempotency keys");
            return removed;
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not forget expired idempotency keys: " + e);
            return 0;
        }
    }

    static void checkKey(String key) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new ProblemException(ProblemType.INVALID_REQUEST,
                    "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters");
        }
    }

    static String fingerprint(String method, String path, String requestBody) {
        return HexFormat.of().formatHex(Digests.sha256(method + ' ' + path + '\n' + (requestBody == null ? "" : requestBody)));
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
                .header(REPLAYED, "true");
        if (earlier.body() != null) {
            response.entity(earlier.body()).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
        }
        if (earlier.location() != null) {
            response.location(URI.create(earlier.location()));
        }
        return response.build();
    }
}
