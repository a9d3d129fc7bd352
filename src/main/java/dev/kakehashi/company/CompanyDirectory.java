package dev.kakehashi.company;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Finds companies. The company table is the tenant registry itself, so it is not tenant-scoped. */
@ApplicationScoped
public class CompanyDirectory {

    @PersistenceContext
    EntityManager em;

    /** All onboarded companies: their aliases and names are what members invite each other by. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.List<Company> all() {
        return em.createQuery("select c from Company c order by c.alias", Company.class).getResultList();
    }

    /** The company an e-mail domain belongs to (domains are unique across companies). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Company> byDomain(String domain) {
        return em.createQuery("select c from Company c join c.domains d where d = :domain", Company.class)
                .setParameter("domain", domain.toLowerCase(java.util.Locale.ROOT))
                .getResultStream()
                .findFirst();
    }

    /** Whether anyone of the company has signed in yet (the first admin sets a password first). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasSignedInPeople(Company company) {
        return em.createQuery("select count(p) from Person p where p.companyId = :c", Long.class)
                .setParameter("c", company.id())
                .getSingleResult() > 0;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Company> byAlias(String alias) {
        return em.createQuery("select c from Company c where c.alias = :alias", Company.class)
                .setParameter("alias", alias)
                .getResultStream()
                .findFirst();
    }
}
