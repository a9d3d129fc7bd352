package dev.kakehashi.platform.security;

import java.util.Arrays;
import java.util.Optional;

/** Kakehashi's roles, as realm roles in Keycloak. Other realm roles in a token are ignored. */
public enum Role {
    COMPANY_ADMIN("company-admin"),
    BID_MANAGER("bid-manager"),
    CONTRIBUTOR("contributor"),
    VIEWER("viewer"),
    PLATFORM_OPERATOR("platform-operator");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(r -> r.claimValue.equals(value)).findFirst();
    }
}
