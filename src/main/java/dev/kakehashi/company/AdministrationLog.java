package dev.kakehashi.company;

import dev.kakehashi.platform.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Records a company admin's change in the company's audit trail. The change itself happened in
 * Keycloak, which has no transaction to share, so the event is written right after it succeeded.
 */
@ApplicationScoped
public class AdministrationLog {

    @Inject
    AuditTrail audit;

    @Transactional
    public void record(Company company, String action, String subjectType, String subjectId, AuditTrail.Change change) {
        audit.recordAdministration(company.id(), company.alias(), action, subjectType, subjectId, change);
    }
}
