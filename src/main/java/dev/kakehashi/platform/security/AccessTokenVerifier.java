package dev.kakehashi.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies Keycloak access tokens for the API with SmallRye JWT, which WildFly ships: RS256
 * signature against the realm's published keys (fetched and cached), issuer, expiry, and the
 * {@code kakehashi-api} audience, so that a token minted for another client of the realm is refused.
 * The web UI reuses it on the token of its OIDC session, so both paths agree on who the caller is.
 */
@ApplicationScoped
public class AccessTokenVerifier {

    static final String AUDIENCE = "kakehashi-api";

    @Inject
    @ConfigProperty(name = "kakehashi.oidc.issuer", defaultValue = "http://localhost:8180/realms/kakehashi")
    String issuer;

    @Inject
    @ConfigProperty(name = "kakehashi.oidc.jwks-url")
    java.util.Optional<String> jwksUrl;

    /** Tolerance for clocks that disagree; SmallRye's own default (60 s) would accept expired tokens. */
    @Inject
    @ConfigProperty(name = "kakehashi.oidc.clock-skew-seconds", defaultValue = "0")
    int clockSkewSeconds;

    private JWTParser parser;

    @PostConstruct
    void init() {
        JWTAuthContextInfo context = new JWTAuthContextInfo(
                jwksUrl.orElse(issuer + "/protocol/openid-connect/certs"), issuer);
        context.setExpectedAudience(Set.of(AUDIENCE));
        context.setExpGracePeriodSecs(0);
        context.setClockSkew(clockSkewSeconds);
        context.setJwksRefreshInterval(10);
        context.setForcedJwksRefreshInterval(1);
        parser = new DefaultJWTParser(context);
    }

    public JsonWebToken verify(String token) throws InvalidTokenException {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("No bearer token");
        }
        try {
            return parser.parse(token);
        } catch (ParseException e) {
            throw new InvalidTokenException("The bearer token is not valid: expired, forged, or not issued for this API", e);
        }
    }
}
