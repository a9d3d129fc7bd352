package dev.kakehashi.platform.security;

import java.util.Set;

/**
 * Who is calling, as a verified token says: a person, or an ERP service account acting for its
 * company. {@code companyAlias} is the one organization of the token; it never comes from the
 * request itself.
 */
public record Caller(String userId, String username, String name, String email, String companyAlias, Set<Role> roles,
                     boolean serviceAccount) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** A company's person is never the platform operator, whatever roles Keycloak lists. */
    Caller withoutOperatorRole() {
        Set<Role> companyRoles = new java.util.HashSet<>(roles);
        companyRoles.remove(Role.PLATFORM_OPERATOR);
        return new Caller(userId, username, name, email, companyAlias, companyRoles, serviceAccount);
    }

    public boolean isOperator() {
        return companyAlias == null && roles.contains(Role.PLATFORM_OPERATOR);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyOf(Set<Role> any) {
        return any.stream().anyMatch(roles::contains);
    }
}
