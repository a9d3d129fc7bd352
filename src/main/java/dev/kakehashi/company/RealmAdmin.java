package dev.kakehashi.company;

import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.api.ProblemType;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * Kakehashi's realm in Keycloak, reached with the application's own confidential client
 * ({@code kakehashi-admin}), which holds only the realm-management roles onboarding, user
 * administration, SSO links and ERP clients need, never the master realm's admin. Its secret comes
 * from {@code KAKEHASHI_KEYCLOAK_ADMIN_SECRET} and is handed to nothing but the token endpoint.
 */
@ApplicationScoped
public class RealmAdmin {

    private static final Logger LOG = Logger.getLogger(RealmAdmin.class.getName());

    @Inject
    @ConfigProperty(name = "kakehashi.oidc.issuer")
    String issuer;

    /** Where the app reaches Keycloak, when that differs from the public issuer (an internal service name). */
    @Inject
    @ConfigProperty(name = "kakehashi.keycloak.url")
    Optional<String> internalUrl;

    @Inject
    @ConfigProperty(name = "kakehashi.keycloak.admin-client-id", defaultValue = "kakehashi-admin")
    String clientId;

    @Inject
    @ConfigProperty(name = "kakehashi.keycloak.admin-secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "kakehashi.keycloak.connect-timeout-millis", defaultValue = "3000")
    long connectTimeoutMillis;

    /** Long enough for Keycloak to fetch an identity provider's metadata, short enough never to hang a request. */
    @Inject
    @ConfigProperty(name = "kakehashi.keycloak.read-timeout-millis", defaultValue = "15000")
    long readTimeoutMillis;

    private volatile Keycloak keycloak;

    /** The realm, or 503 when the admin client is not configured. */
    public RealmResource realm() {
        return client().realm(realmName());
    }

    /** The realm's name: the last segment of the issuer, {@code …/realms/kakehashi}. */
    public String realmName() {
        return issuer.substring(issuer.lastIndexOf('/') + 1);
    }

    /** Keycloak's base URL as people's browsers reach it (the issuer without {@code /realms/…}). */
    public String publicUrl() {
        return issuer.substring(0, issuer.indexOf("/realms/"));
    }

    private Keycloak client() {
        Keycloak current = keycloak;
        if (current == null) {
            synchronized (this) {
                if (keycloak == null) {
                    if (secret.isEmpty() || secret.get().isBlank()) {
                        throw new ProblemException(ProblemType.IDENTITY_ADMIN_UNAVAILABLE,
                                "Company administration is not configured on this server (KAKEHASHI_KEYCLOAK_ADMIN_SECRET)");
                    }
                    // Every call to Keycloak is bounded: a Keycloak that does not answer gives a 503, never a hung request.
                    jakarta.ws.rs.client.Client http = jakarta.ws.rs.client.ClientBuilder.newBuilder()
                            .connectTimeout(connectTimeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS)
                            .readTimeout(readTimeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS)
                            .register(org.keycloak.admin.client.JacksonProvider.class, 100)
                            .build();
                    keycloak = KeycloakBuilder.builder()
                            .serverUrl(internalUrl.filter(u -> !u.isBlank()).orElse(publicUrl()))
                            .realm(realmName())
                            .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                            .clientId(clientId)
                            .clientSecret(secret.get())
                            .resteasyClient(http)
                            .build();
                }
                current = keycloak;
            }
        }
        return current;
    }

    /** The id Keycloak gave what a create call made; any other answer is an error of Keycloak's. */
    public static String createdId(Response response, String what) {
        try (response) {
            if (response.getStatus() == 409) {
                throw new ProblemException(ProblemType.CONFLICT, what + " already exists in the identity provider");
            }
            if (response.getStatus() != 201) {
                throw unavailable(what, "HTTP " + response.getStatus());
            }
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    /** A no-content call (link, add member) that must succeed. */
    public static void expectSuccess(Response response, String what) {
        try (response) {
            if (response.getStatus() == 409) {
                throw new ProblemException(ProblemType.CONFLICT, what + ": the identity provider reports a conflict");
            }
            if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
                throw unavailable(what, "HTTP " + response.getStatus());
            }
        }
    }

    /** Keycloak refused or could not be reached: 503 for the caller, the cause in the log (never a secret). */
    public static ProblemException unavailable(String what, Object cause) {
        String reason = cause instanceof WebApplicationException w ? "HTTP " + w.getResponse().getStatus()
                : cause instanceof ProcessingException p ? p.getClass().getSimpleName() + ": " + p.getMessage()
                : String.valueOf(cause);
        LOG.warning(() -> "Keycloak admin call failed (" + what + "): " + reason);
        return new ProblemException(ProblemType.IDENTITY_ADMIN_UNAVAILABLE, "The identity provider did not complete: " + what);
    }

    static boolean isNotFound(WebApplicationException e) {
        return e.getResponse() != null && e.getResponse().getStatus() == 404;
    }

    /** A call to Keycloak; its failures become 503 problems (the cause in the log). */
    public static <T> T call(String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException | ProcessingException e) {
            throw unavailable(what, e);
        }
    }

    public static void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }

    @PreDestroy
    void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }
}
