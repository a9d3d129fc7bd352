package dev.kakehashi.platform.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** Kakehashi's roles, as realm roles in Keycloak. Other realm roles in a token are ignored. */
public enum Role {
    COMPANY_ADMIN("company-admin"),
    BID_MANAGER("bid-manager"),
    CONTRIBUTOR("contributor"),
    VIEWER("viewer"),
    PLATFORM_OPERATOR("platform-operator");

    /** Everyone of a member company but viewers: they act on what is sent to it (acknowledge, review). */
    public static final Set<Role> ACTING = Set.of(COMPANY_ADMIN, BID_MANAGER, CONTRIBUTOR);

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
