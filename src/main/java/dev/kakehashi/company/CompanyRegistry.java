package dev.kakehashi.company;

import dev.kakehashi.platform.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes companies: the database half of onboarding, in its own transaction with its audit event. */
@ApplicationScoped
public class CompanyRegistry {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Transactional
    public Company register(Onboarding.Application application, String organizationId, String operator) {
        Company company = Company.onboarded(application.alias(), application.names(), application.kind(), application.country(),
                application.code(), application.domains(), organizationId, operator, clock.instant());
        em.persist(company);
        em.flush();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("alias", company.alias());
        after.put("names", company.names());
        after.put("kind", company.kind());
        after.put("country", company.country());
        after.put("domains", company.domains());
        after.put("firstAdmin", application.adminEmail());
        audit.recordAdministration(company.id(), company.alias(), "company.onboarded", "company", company.alias(),
                AuditTrail.Change.created(after));
        return company;
    }

    /** Remembers the organization of a company the realm file made (found by its alias). */
    @Transactional
    public void mirror(String companyId, String organizationId) {
        em.find(Company.class, companyId).mirroredBy(organizationId);
    }
}
