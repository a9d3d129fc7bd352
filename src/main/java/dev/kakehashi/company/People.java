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

    @Inject
    PersonRecords records;

    /** What was last written per user, so that an unchanged person costs no write. */
    private final Map<String, String> remembered = new ConcurrentHashMap<>();

    /** Called for every authenticated request: costs nothing (no transaction, no query) unless the person changed. */
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
        records.write(caller.userId(), company.id(), caller.email(), name, roles, clock.instant());
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
