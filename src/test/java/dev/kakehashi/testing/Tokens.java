package dev.kakehashi.testing;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the test Keycloak, for any demo user or ERP client: the fixture of every
 * API and cross-tenant test. Tokens are reused while they have more than a minute to live.
 */
public final class Tokens {

    public static final String DEMO_PASSWORD = "demo";

    private record Cached(String token, Instant expires) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** A password-grant token of kakehashi-cli for a demo user such as bid-manager@sakura-shoji.example. */
    public static String user(String username) {
        return cached("user:" + username, () -> passwordGrant(TestStack.realmUrl(), "kakehashi-cli", username, DEMO_PASSWORD));
    }

    /** The token of a company's user with this role. */
    public static String user(DemoCompany company, String role) {
        return user(company.user(role));
    }

    /** A client-credentials token of the company's ERP service account. */
    public static String erp(DemoCompany company) {
        return cached("erp:" + company.alias(), () -> {
            Http.Reply reply = Http.postForm(TestStack.realmUrl() + "/protocol/openid-connect/token", Map.of(
                    "grant_type", "client_credentials", "client_id", company.erpClientId(), "client_secret", company.erpClientSecret()));
            return accessToken(reply);
        });
    }

    /** A password-grant token from any realm and public client, uncached: for tokens the API must refuse. */
    public static String passwordGrant(String realmUrl, String clientId, String username, String password) {
        Http.Reply reply = Http.postForm(realmUrl + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", clientId, "username", username, "password", password));
        return accessToken(reply);
    }

    private static String accessToken(Http.Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException("Keycloak refused the token request: " + reply.status() + " " + reply.body());
        }
        return reply.json().getString("access_token");
    }

    private static String cached(String key, java.util.function.Supplier<String> fetch) {
        Cached cached = CACHE.get(key);
        if (cached == null || cached.expires().isBefore(Instant.now().plusSeconds(60))) {
            String token = fetch.get();
            cached = new Cached(token, Instant.ofEpochSecond(Jwt.claims(token).getJsonNumber("exp").longValue()));
            CACHE.put(key, cached);
        }
        return cached.token();
    }
}
