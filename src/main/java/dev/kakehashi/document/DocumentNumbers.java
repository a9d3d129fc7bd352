package dev.kakehashi.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Gap-free document numbers per consortium and prefix, safe under concurrent registrations. The
 * sequence row is created in its own short transaction, so that registrations never take shared
 * locks on a row that does not exist yet (which deadlocks InnoDB); the number is then taken by one
 * locking UPDATE in the registration's transaction, and a failed registration gives it back.
 */
@ApplicationScoped
public class DocumentNumbers {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void ensureSequence(String consortiumId, String prefix) {
        // A plain read takes no lock: when the row exists, the INSERT (whose duplicate check would wait
        // for a caller that already took a number from this sequence in its own transaction) is skipped.
        Number existing = (Number) em.createNativeQuery("SELECT COUNT(*) FROM document_sequence WHERE consortium_id = ?1 AND prefix = ?2")
                .setParameter(1, consortiumId).setParameter(2, prefix).getSingleResult();
        if (existing.intValue() > 0) {
            return;
        }
        em.createNativeQuery("INSERT IGNORE INTO document_sequence (consortium_id, prefix, last_value) VALUES (?1, ?2, 0)")
                .setParameter(1, consortiumId).setParameter(2, prefix).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int next(String consortiumId, String prefix) {
        em.createNativeQuery("UPDATE document_sequence SET last_value = LAST_INSERT_ID(last_value + 1) WHERE consortium_id = ?1 AND prefix = ?2")
                .setParameter(1, consortiumId).setParameter(2, prefix).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).intValue();
    }
}
