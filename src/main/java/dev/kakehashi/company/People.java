package dev.kakehashi.company;

import dev.kakehashi.platform.security.Caller;
import dev.kakehashi.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The people of member companies who have signed in to Kakehashi. They are remembered from their
 * verified tokens (never from request bodies), once per change, not on every request.
 */
@ApplicationScoped
public class People {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** What was last written per user, so that an unchanged person costs no write. */
    private final Map<String, String> remembered = new ConcurrentHashMap<>();

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void remember(Caller caller, Company company) {
        if (caller.serviceAccount() || caller.email() == null || caller.email().isBlank()) {
            return;
        }
        String roles = caller.roles().stream().map(Role::claimValue).sorted().collect(Collectors.joining(","));
        String name = caller.name() == null || caller.name().isBlank() ? caller.email() : caller.name();
        String fingerprint = company.id() + "|" + caller.email() + "|" + name + "|" + roles;
        if (fingerprint.equals(remembered.get(caller.userId()))) {
            return;
        }
        // The e-mail belongs to whoever holds it now in Keycloak: an older holder gives it up.
        em.createNativeQuery("DELETE FROM person WHERE email = ?1 AND user_id <> ?2")
                .setParameter(1, caller.email()).setParameter(2, caller.userId()).executeUpdate();
        em.createNativeQuery("""
                        INSERT INTO person (user_id, company_id, email, name, roles, seen_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON DUPLICATE KEY UPDATE company_id = VALUES(company_id), email = VALUES(email), name = VALUES(name),
                                                roles = VALUES(roles), seen_at = VALUES(seen_at)""")
                .setParameter(1, caller.userId()).setParameter(2, company.id()).setParameter(3, caller.email())
                .setParameter(4, name).setParameter(5, roles).setParameter(6, clock.instant())
                .executeUpdate();
        remembered.put(caller.userId(), fingerprint);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Person> byEmail(String email) {
        return em.createQuery("select p from Person p where lower(p.email) = :e", Person.class)
                .setParameter("e", email.strip().toLowerCase(java.util.Locale.ROOT)).getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Person> byId(String userId) {
        return Optional.ofNullable(em.find(Person.class, userId));
    }

    /** The people of these companies, by name: whom a user may pick as a reviewer. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Person> ofCompanies(Collection<String> companyIds) {
        if (companyIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select p from Person p where p.companyId in :c order by p.name", Person.class)
                .setParameter("c", companyIds).getResultList();
    }
}
