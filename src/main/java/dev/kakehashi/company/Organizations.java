package dev.kakehashi.company;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.keycloak.admin.client.resource.OrganizationResource;

/** A company's Keycloak Organization: the one place its people, domains and identity provider link live. */
@ApplicationScoped
public class Organizations {

    @Inject
    RealmAdmin realm;

    @Inject
    CompanyRegistry registry;

    /** The organization of a company; a company of the realm file is looked up by alias once and remembered. */
    public OrganizationResource of(Company company) {
        return realm.realm().organizations().get(idOf(company));
    }

    public String idOf(Company company) {
        return company.organizationId().orElseGet(() -> {
            try {
                String id = realm.realm().organizations().getAll().stream()
                        .filter(o -> company.alias().equals(o.getAlias()))
                        .findFirst()
                        .orElseThrow(() -> RealmAdmin.unavailable("find the organization of " + company.alias(), "no such alias"))
                        .getId();
                registry.mirror(company.id(), id);
                return id;
            } catch (WebApplicationException | ProcessingException e) {
                throw RealmAdmin.unavailable("find the organization of " + company.alias(), e);
            }
        });
    }
}
