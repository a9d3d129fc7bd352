package dev.kakehashi.company;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Writes a person's row, in a transaction of its own, for {@link People#remember}. */
@ApplicationScoped
class PersonRecords {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void write(String userId, String companyId, String email, String name, String roles, Instant seenAt) {
        // The e-mail belongs to whoever holds it now in Keycloak: an older holder gives it up.
        em.createNativeQuery("DELETE FROM person WHERE email = ?1 AND user_id <> ?2")
                .setParameter(1, email).setParameter(2, userId).executeUpdate();
        em.createNativeQuery("""
                        INSERT INTO person (user_id, company_id, email, name, roles, seen_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON DUPLICATE KEY UPDATE company_id = VALUES(company_id), email = VALUES(email), name = VALUES(name),
                                                roles = VALUES(roles), seen_at = VALUES(seen_at)""")
                .setParameter(1, userId).setParameter(2, companyId).setParameter(3, email)
                .setParameter(4, name).setParameter(5, roles).setParameter(6, seenAt)
                .executeUpdate();
    }
}
