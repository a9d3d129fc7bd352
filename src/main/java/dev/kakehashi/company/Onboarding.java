package dev.kakehashi.company;

import dev.kakehashi.platform.api.Problem;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.api.ProblemType;
import dev.kakehashi.platform.security.CallerContext;
import dev.kakehashi.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The platform operator onboards a company: its Keycloak Organization with its domains, its first
 * company admin (who sets a password from an e-mail), and the company in Kakehashi's database. The
 * two systems cannot share a transaction, so this is a small saga: each step that succeeded is undone
 * when a later one fails, and a repeat of a request that already succeeded answers the same company.
 */
@ApplicationScoped
public class Onboarding {

    private static final Logger LOG = Logger.getLogger(Onboarding.class.getName());

    /** What the operator asks for; validated by the resource. */
    public record Application(String alias, Map<String, String> names, CompanyKind kind, String country, String code,
                              Set<String> domains, String adminEmail) {
    }

    /**
     * The company; whether this request made it (false: a repeat of the request that did); whether
     * Keycloak sent the first admin's e-mail (null on a repeat).
     */
    public record Onboarded(Company company, boolean created, Boolean invitationSent) {
    }

    @Inject
    CallerContext context;

    @Inject
    CompanyDirectory companies;

    @Inject
    CompanyRegistry registry;

    @Inject
    RealmAdmin realm;

    @Inject
    Invitations invitations;

    public Onboarded onboard(Application application) {
        String operator = context.requireOperator().username();
        var existing = companies.byAlias(application.alias());
        if (existing.isPresent()) {
            if (existing.get().isDescribedBy(application.names(), application.kind(), application.country(), application.domains())) {
                return new Onboarded(existing.get(), false, null);
            }
            throw new ProblemException(ProblemType.CONFLICT, "A different company with alias '" + application.alias() + "' exists",
                    List.of(new Problem.FieldError("alias", "taken", "This alias is taken")));
        }
        refuseTakenDomains(application.domains());

        String organizationId = null;
        String adminId = null;
        try {
            organizationId = createOrganization(application);
            adminId = createFirstAdmin(application);
            makeCompanyAdmin(adminId, organizationId);
            Company company = registry.register(application, organizationId, operator);
            return new Onboarded(company, true, invitations.askToSetPassword(adminId));
        } catch (RuntimeException e) {
            undo(application.alias(), organizationId, adminId);
            throw e;
        }
    }

    private void refuseTakenDomains(Set<String> domains) {
        List<Problem.FieldError> taken = new ArrayList<>();
        for (String domain : domains) {
            companies.byDomain(domain).ifPresent(c -> taken.add(new Problem.FieldError("domains", "domain-taken",
                    "The domain " + domain + " belongs to another company")));
        }
        if (!taken.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "An e-mail domain belongs to another company", taken);
        }
    }

    private String createOrganization(Application application) {
        OrganizationRepresentation organization = new OrganizationRepresentation();
        organization.setAlias(application.alias());
        organization.setName(application.names().getOrDefault("en", application.alias()));
        organization.setEnabled(true);
        application.names().entrySet().stream()
                .filter(n -> !n.getKey().equals("en"))
                .findFirst()
                .ifPresent(n -> organization.setDescription(n.getValue()));
        for (String domain : application.domains()) {
            OrganizationDomainRepresentation d = new OrganizationDomainRepresentation(domain);
            d.setVerified(true);
            organization.addDomain(d);
        }
        organization.singleAttribute("kind", application.kind().name());
        organization.singleAttribute("country", application.country());
        try {
            return RealmAdmin.call("create organization", () ->
                    RealmAdmin.createdId(realm.realm().organizations().create(organization), "Organization " + application.alias()));
        } catch (ProblemException e) {
            if (e.problem().status() == 409) {
                throw new ProblemException(ProblemType.CONFLICT,
                        "The identity provider already has an organization with this alias, name or one of these domains");
            }
            throw e;
        }
    }

    private String createFirstAdmin(Application application) {
        try {
            UserRepresentation admin = new UserRepresentation();
            admin.setUsername(application.adminEmail());
            admin.setEmail(application.adminEmail());
            admin.setEnabled(true);
            admin.setEmailVerified(false);
            admin.setRequiredActions(List.of("UPDATE_PASSWORD"));
            return RealmAdmin.call("create the first admin", () ->
                    RealmAdmin.createdId(realm.realm().users().create(admin), "User " + application.adminEmail()));
        } catch (ProblemException e) {
            if (e.problem().status() == 409) {
                throw new ProblemException(ProblemType.CONFLICT, "An account with this e-mail already exists in the identity provider",
                        List.of(new Problem.FieldError("adminEmail", "account-exists", "An account with this e-mail already exists")));
            }
            throw e;
        }
    }

    private void makeCompanyAdmin(String userId, String organizationId) {
        RealmAdmin.run("make the first admin a company admin", () -> {
            var role = realm.realm().roles().get(Role.COMPANY_ADMIN.claimValue()).toRepresentation();
            realm.realm().users().get(userId).roles().realmLevel().add(List.of(role));
            RealmAdmin.expectSuccess(realm.realm().organizations().get(organizationId).members().addMember(userId),
                    "make the first admin a member");
        });
    }

    private void undo(String alias, String organizationId, String adminId) {
        if (adminId != null) {
            removeQuietly("user " + adminId, () -> realm.realm().users().get(adminId).remove());
        }
        if (organizationId != null) {
            String id = organizationId;
            removeQuietly("organization " + alias, () -> realm.realm().organizations().get(id).delete().close());
        }
    }

    private void removeQuietly(String what, Runnable removal) {
        try {
            removal.run();
            LOG.info(() -> "Onboarding undone: removed " + what);
        } catch (RuntimeException e) {
            if (e instanceof WebApplicationException w && RealmAdmin.isNotFound(w)) {
                return;
            }
            LOG.log(Level.SEVERE, "Onboarding could not undo its step: remove " + what + " by hand", e);
        }
    }
}
