package dev.kakehashi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.DemoCompany;
import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.Http;
import dev.kakehashi.testing.Jwt;
import dev.kakehashi.testing.KeycloakAdmin;
import dev.kakehashi.testing.TestStack;
import dev.kakehashi.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API trusts only valid tokens of realm kakehashi issued for it, and only with one company:
 * anything else is refused with problem+json and never redirected to a login page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthenticationIT {

    private static final String ME = TestStack.apiUrl() + "/me";

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    private static void assertUnauthorized(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(reply.json().getString("type")).isEqualTo("https://kakehashi.dev/problems/unauthorized");
        assertThat(reply.json().getInt("status")).isEqualTo(401);
    }

    @Test
    void noTokenIsUnauthorizedNotARedirectToTheLoginPage() {
        assertUnauthorized(Http.get(ME, null));
        // Even a browser-like request to the API gets 401, not the Keycloak login page.
        assertUnauthorized(Http.send(HttpRequest.newBuilder(URI.create(ME)).header("Accept", "text/html,*/*")));
    }

    @Test
    void garbageTokenIsUnauthorized() {
        assertUnauthorized(Http.get(ME, "not-a-token"));
    }

    @Test
    void tokenWithAlteredClaimsIsUnauthorized() {
        String genuine = Tokens.user(DemoCompany.SAKURA_SHOJI, "viewer");
        JsonObject claims = Json.createObjectBuilder(Jwt.claims(genuine))
                .add("organization", Json.createArrayBuilder().add("hanbit-enc"))
                .build();

        assertUnauthorized(Http.get(ME, Jwt.withClaims(genuine, claims)));
    }

    @Test
    void tokenSignedByAnotherKeyIsUnauthorized() throws Exception {
        String genuine = Tokens.user(DemoCompany.SAKURA_SHOJI, "viewer");
        KeyPair attacker = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        // Same header (so the same key id as Keycloak's) and claims, signed with the attacker's key.
        String[] parts = genuine.split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(attacker.getPrivate());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());

        assertUnauthorized(Http.get(ME, forged));
    }

    @Test
    void expiredTokenIsUnauthorized() throws Exception {
        KeycloakAdmin.createClient("""
                {"clientId": "expiry-probe", "publicClient": true, "directAccessGrantsEnabled": true,
                 "standardFlowEnabled": false, "attributes": {"access.token.lifespan": "1"},
                 "defaultClientScopes": ["basic", "roles", "profile", "email", "organization"],
                 "protocolMappers": [{"name": "audience", "protocol": "openid-connect", "protocolMapper": "oidc-audience-mapper",
                   "config": {"included.custom.audience": "kakehashi-api", "access.token.claim": "true"}}]}
                """);
        String token = Tokens.passwordGrant(TestStack.realmUrl(), "expiry-probe", "viewer@sakura-shoji.example", Tokens.DEMO_PASSWORD);
        JsonObject claims = Jwt.claims(token);
        assertThat(claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue()).isEqualTo(1);
        assertThat(claims.getString("aud")).isEqualTo("kakehashi-api");

        Thread.sleep(2_500);

        assertUnauthorized(Http.get(ME, token));
    }

    @Test
    void tokenNotIssuedForTheKakehashiApiIsUnauthorized() {
        // admin-cli of realm kakehashi issues valid tokens, but without the kakehashi-api audience.
        String token = Tokens.passwordGrant(TestStack.realmUrl(), "admin-cli", "viewer@sakura-shoji.example", Tokens.DEMO_PASSWORD);

        assertUnauthorized(Http.get(ME, token));
    }

    @Test
    void tokenOfAnotherRealmIsUnauthorized() {
        assertUnauthorized(Http.get(ME, KeycloakAdmin.masterToken()));
    }

    @Test
    void validTokenWithoutACompanyIsRefused() {
        // A person of no organization (not the platform operator, who has none by design) names no company.
        KeycloakAdmin.createUser("drifter@nowhere.example", "drifter-password");
        String token = Tokens.passwordGrant(TestStack.realmUrl(), "kakehashi-cli", "drifter@nowhere.example", "drifter-password");
        assertThat(Jwt.claims(token).containsKey("organization")).isFalse();

        Http.Reply reply = Http.get(ME, token);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().getString("type")).isEqualTo("https://kakehashi.dev/problems/no-company");
    }
}
