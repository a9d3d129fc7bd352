package dev.kakehashi.platform.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads Kakehashi's caller out of a verified Keycloak access token. Keycloak writes the company as
 * {@code "organization": ["alias"]}, or as an object keyed by alias when the mapper adds ids or
 * attributes; both are accepted. A token naming no company, or several, names none.
 */
public final class TokenClaims {

    static final String ORGANIZATION = "organization";
    static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    private TokenClaims() {
    }

    public static Caller caller(JsonWebToken token, String company) {
        String username = token.getClaim("preferred_username");
        boolean serviceAccount = username != null && username.startsWith(SERVICE_ACCOUNT_PREFIX)
                && token.getClaim("azp") != null;
        String name = token.getClaim("name");
        if (serviceAccount) {
            name = token.getClaim("azp");
        }
        return new Caller(token.getSubject(), username, name, verifiedEmail(token), company, roles(token), serviceAccount);
    }

    /**
     * The token's e-mail when the identity provider vouches for it ({@code email_verified}); else none.
     * People are named, told and matched by e-mail, so an address nobody verified names nobody.
     */
    public static String verifiedEmail(JsonWebToken token) {
        Object verified = token.getClaim("email_verified");
        boolean vouched = Boolean.TRUE.equals(verified) || verified == jakarta.json.JsonValue.TRUE
                || (verified != null && "true".equals(verified.toString()));
        String email = token.getClaim("email");
        return vouched && email != null && !email.isBlank() ? email : null;
    }

    public static Optional<String> company(JsonWebToken token) {
        Object claim = token.getClaim(ORGANIZATION);
        List<String> aliases = new ArrayList<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString s) {
                    aliases.add(s.getString());
                }
            }
        } else if (claim instanceof JsonObject object) {
            aliases.addAll(object.keySet());
        } else if (claim instanceof JsonString s) {
            aliases.add(s.getString());
        } else if (claim instanceof String s) {
            aliases.add(s);
        } else if (claim instanceof Iterable<?> values) {
            values.forEach(v -> aliases.add(String.valueOf(v)));
        }
        return aliases.size() == 1 && !aliases.get(0).isBlank() ? Optional.of(aliases.get(0)) : Optional.empty();
    }

    static Set<Role> roles(JsonWebToken token) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object realmAccess = token.getClaim("realm_access");
        if (realmAccess instanceof JsonObject access && access.get("roles") instanceof JsonArray values) {
            for (JsonValue value : values) {
                if (value instanceof JsonString s) {
                    Role.fromClaim(s.getString()).ifPresent(roles::add);
                }
            }
        }
        return roles;
    }
}
