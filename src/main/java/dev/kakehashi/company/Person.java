package dev.kakehashi.company;

import dev.kakehashi.platform.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A person of a member company as Kakehashi last saw them in a token: who they are, which company
 * they belong to and which roles they hold. Kept so that colleagues can name them as reviewers and
 * so that they can be told by e-mail; Keycloak stays the source of truth.
 */
@Entity
@Table(name = "person")
public class Person {

    @Id
    @Column(name = "user_id")
    private String userId;

    @Column(name = "company_id", nullable = false)
    private String companyId;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String roles;

    @Column(name = "seen_at", nullable = false)
    private Instant seenAt;

    protected Person() {
    }

    public String userId() {
        return userId;
    }

    public String companyId() {
        return companyId;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public Set<Role> roles() {
        return Arrays.stream(roles.split(",")).map(Role::fromClaim).flatMap(java.util.Optional::stream).collect(Collectors.toSet());
    }

    public boolean hasAnyOf(Set<Role> any) {
        Set<Role> mine = roles();
        return any.stream().anyMatch(mine::contains);
    }

    public Instant seenAt() {
        return seenAt;
    }
}
