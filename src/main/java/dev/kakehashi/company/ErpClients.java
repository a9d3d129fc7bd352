package dev.kakehashi.company;

import dev.kakehashi.platform.api.PageRequest;
import dev.kakehashi.platform.api.IfMatch;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.audit.AuditTrail;
import dev.kakehashi.platform.security.CallerContext;
import dev.kakehashi.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/**
 * A company admin's ERP clients. Each is a confidential Keycloak client with a service account whose
 * token carries the company as a hard-coded organization claim, so it acts for this company only. The
 * secret is shown once, when it is made or rotated, and is never stored by Kakehashi.
 */
@ApplicationScoped
public class ErpClients {

    /** What an ERP client may be: everything but a company admin (it cannot manage users or clients). */
    public static final Set<Role> ERP_ROLES = EnumSet.of(Role.BID_MANAGER, Role.CONTRIBUTOR, Role.VIEWER);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SUFFIX_LETTERS = "abcdefghijkmnpqrstuvwxyz23456789";

    /** A client with its secret, right after it was made or rotated: the only time the secret is shown. */
    public record WithSecret(ErpClient client, String secret) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    CallerContext context;

    @Inject
    RealmAdmin realm;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    ErpClients self;

    // Reads of @TenantId entities run in a transaction (called through the proxy, self.mine): without
    // one, the session's tenant was not the caller's and every read found nothing.
    @Transactional
    public List<ErpClient> list(PageRequest page) {
        context.companyAs(Role.COMPANY_ADMIN);
        return em.createQuery("select c from ErpClient c order by c.createdAt desc, c.id", ErpClient.class)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList();
    }

    @Transactional
    public long count() {
        context.companyAs(Role.COMPANY_ADMIN);
        return em.createQuery("select count(c) from ErpClient c", Long.class).getSingleResult();
    }

    /** One of my company's clients (the tenant filter makes another company's 404). */
    @Transactional
    public ErpClient mine(String id) {
        context.companyAs(Role.COMPANY_ADMIN);
        return em.createQuery("select c from ErpClient c where c.id = :id", ErpClient.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("Client"));
    }

    public WithSecret create(String name, Set<Role> roles) {
        Company company = context.companyAs(Role.COMPANY_ADMIN);
        String clientId = company.alias() + "-erp-" + suffix();
        String keycloakId = RealmAdmin.call("create the client", () -> RealmAdmin.createdId(
                realm.realm().clients().create(representation(company, clientId, name)), "Client"));
        try {
            ClientResource client = realm.realm().clients().get(keycloakId);
            String serviceAccount = client.getServiceAccountUser().getId();
            realm.realm().users().get(serviceAccount).roles().realmLevel().add(roles.stream()
                    .map(r -> realm.realm().roles().get(r.claimValue()).toRepresentation()).toList());
            String secret = client.getSecret().getValue();
            ErpClient created = self.record(company, new ErpClient(clientId, name, roles, context.caller().username(), clock.instant()));
            return new WithSecret(created, secret);
        } catch (RuntimeException e) {
            RealmAdmin.run("undo the client", () -> realm.realm().clients().get(keycloakId).remove());
            throw e instanceof ProblemException p ? p : RealmAdmin.unavailable("set up the client", e);
        }
    }

    /** A new secret; the old one stops working at once (existing tokens live until they expire). */
    public WithSecret rotate(String id, IfMatch ifMatch) {
        ErpClient client = self.mine(id);
        ifMatch.require(client.version(), "ERP client");
        client.requireActive();
        String secret = RealmAdmin.call("rotate the secret", () -> keycloakClient(client).generateNewSecret().getValue());
        return new WithSecret(self.rotated(id), secret);
    }

    /** Disables the client in Keycloak (no new tokens) and marks it revoked; revoking twice changes nothing. */
    public ErpClient revoke(String id, IfMatch ifMatch) {
        ErpClient client = self.mine(id);
        ifMatch.require(client.version(), "ERP client");
        if (client.isRevoked()) {
            return client;
        }
        RealmAdmin.run("disable the client", () -> {
            ClientResource resource = keycloakClient(client);
            ClientRepresentation representation = resource.toRepresentation();
            representation.setEnabled(false);
            resource.update(representation);
        });
        return self.revoked(id);
    }

    @Transactional
    public ErpClient record(Company company, ErpClient client) {
        em.persist(client);
        em.flush();
        audit.recordAdministration(company.id(), company.alias(), "erp-client.created", "erp-client", client.clientId(),
                AuditTrail.Change.created(describe(client)));
        return client;
    }

    @Transactional
    public ErpClient rotated(String id) {
        ErpClient client = mine(id);
        client.secretRotated(clock.instant());
        audit.recordAdministration(context.company().id(), context.company().alias(), "erp-client.secret-rotated", "erp-client",
                client.clientId(), new AuditTrail.Change(null, describe(client)));
        return client;
    }

    @Transactional
    public ErpClient revoked(String id) {
        ErpClient client = mine(id);
        Map<String, Object> before = describe(client);
        client.revoke(context.caller().username(), clock.instant());
        audit.recordAdministration(context.company().id(), context.company().alias(), "erp-client.revoked", "erp-client",
                client.clientId(), new AuditTrail.Change(before, describe(client)));
        return client;
    }

    private ClientResource keycloakClient(ErpClient client) {
        List<ClientRepresentation> found = realm.realm().clients().findByClientId(client.clientId());
        if (found.isEmpty()) {
            throw RealmAdmin.unavailable("find client " + client.clientId(), "missing in Keycloak");
        }
        return realm.realm().clients().get(found.get(0).getId());
    }

    private static ClientRepresentation representation(Company company, String clientId, String name) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setName(name);
        client.setDescription("ERP integration of " + company.alias() + ", made in Kakehashi");
        client.setEnabled(true);
        client.setProtocol("openid-connect");
        client.setPublicClient(false);
        client.setClientAuthenticatorType("client-secret");
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setServiceAccountsEnabled(true);
        client.setDefaultClientScopes(List.of("roles", "basic", "profile", "email"));
        client.setOptionalClientScopes(List.of());
        client.setAttributes(Map.of("kakehashi.company", company.alias()));
        client.setProtocolMappers(List.of(audience(), companyClaim(company.alias())));
        return client;
    }

    private static ProtocolMapperRepresentation audience() {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("kakehashi-api audience");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-audience-mapper");
        mapper.setConfig(Map.of("included.custom.audience", "kakehashi-api", "access.token.claim", "true",
                "id.token.claim", "false", "introspection.token.claim", "true"));
        return mapper;
    }

    /** A service account is no organization member, so its company is written into its tokens. */
    private static ProtocolMapperRepresentation companyClaim(String alias) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("company of this service account");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-hardcoded-claim-mapper");
        mapper.setConfig(Map.of("claim.name", "organization", "claim.value", "[\"" + alias + "\"]", "jsonType.label", "JSON",
                "access.token.claim", "true", "id.token.claim", "false", "userinfo.token.claim", "false",
                "introspection.token.claim", "true"));
        return mapper;
    }

    private static Map<String, Object> describe(ErpClient client) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("clientId", client.clientId());
        state.put("name", client.name());
        state.put("roles", client.roles().stream().map(Role::claimValue).sorted().toList());
        state.put("revoked", client.isRevoked());
        return state;
    }

    private static String suffix() {
        StringBuilder suffix = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            suffix.append(SUFFIX_LETTERS.charAt(RANDOM.nextInt(SUFFIX_LETTERS.length())));
        }
        return suffix.toString();
    }
}
