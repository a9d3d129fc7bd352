package dev.kakehashi.company;

import dev.kakehashi.platform.api.IfMatch;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.audit.AuditTrail;
import dev.kakehashi.platform.security.CallerContext;
import dev.kakehashi.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.resteasy.plugins.providers.multipart.MultipartFormDataOutput;
import org.keycloak.admin.client.resource.IdentityProviderResource;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;

/**
 * A company's link to its corporate identity provider (Entra ID, Okta, a SAML IdP): a Keycloak
 * identity provider linked to the company's organization, so that people of the chosen domains are
 * sent there to sign in and become members of this company, with the default role the admin chose.
 * Kakehashi never sees their passwords.
 */
@ApplicationScoped
public class CorporateSso {

    public enum Protocol { OIDC, SAML }

    /** What the admin asks for. The client secret (OIDC) is write-only. */
    public record Link(Protocol protocol, String displayName, String discoveryUrl, String clientId, String clientSecret,
                       String metadataUrl, String metadataXml, Set<String> domains, boolean redirectWhenEmailMatches,
                       Role defaultRole, boolean enabled) {
    }

    /** The link as it stands; {@code tag} is its entity tag. */
    public record Linked(String alias, Protocol protocol, String displayName, String issuerOrEntityId, String clientId,
                         boolean clientSecretSet, Set<String> domains, boolean redirectWhenEmailMatches, Role defaultRole,
                         boolean enabled, String redirectUri) {

        public long tag() {
            return dev.kakehashi.platform.api.EntityTags.ofContent(toString());
        }
    }

    /** The longest values of a link's fields. */
    public static final int DISPLAY_NAME_LENGTH = 100;
    public static final int URL_LENGTH = 254;
    public static final int CLIENT_ID_LENGTH = 255;
    public static final int CLIENT_SECRET_LENGTH = 1000;
    public static final int METADATA_XML_LENGTH = 1_000_000;

    static final String DOMAIN = "kc.org.domain";
    static final String ANY_DOMAIN = "ANY";
    static final String EXCLUDED_DOMAINS = "kc.org.excluded.domains";
    static final String REDIRECT_WHEN_EMAIL_MATCHES = "kc.org.broker.redirect.mode.email-matches";
    static final String DEFAULT_ROLE_MAPPER = "default Kakehashi role";

    @Inject
    CallerContext context;

    @Inject
    RealmAdmin realm;

    @Inject
    Organizations organizations;

    @Inject
    AdministrationLog log;

    @Inject
    IdentityProviderAddresses addresses;

    public Optional<Linked> current() {
        Company company = context.companyAs(Role.COMPANY_ADMIN);
        return find(company);
    }

    /** Creates or replaces the link; If-Match must name an existing link (a first link has nothing to match). */
    public Linked link(Link link, IfMatch ifMatch) {
        Company company = context.companyAs(Role.COMPANY_ADMIN);
        Set<String> foreign = new TreeSet<>(link.domains());
        foreign.removeAll(company.domains());
        if (!foreign.isEmpty()) {
            throw ProblemException.ruleViolated("domains", "domain-not-company",
                    "Only the company's own domains " + new TreeSet<>(company.domains()) + " can be linked; not " + foreign);
        }
        Optional<Linked> before = find(company);
        if (link.protocol() == Protocol.OIDC && link.clientSecret() == null && before.isEmpty()) {
            throw ProblemException.ruleViolated("clientSecret", "required", "The client secret the identity provider issued to Kakehashi is required");
        }
        if (before.isPresent()) {
            ifMatch.require(before.get().tag(), "SSO link");
        }
        String alias = aliasOf(company);
        Map<String, String> config = imported(link);
        if (link.protocol() == Protocol.OIDC) {
            config.put("clientId", link.clientId());
            config.put("clientAuthMethod", "client_secret_post");
            config.put("defaultScope", "openid email profile");
            config.put("pkceEnabled", "true");
            config.put("pkceMethod", "S256");
            config.put("validateSignature", "true");
            config.put("useJwksUrl", "true");
            if (link.clientSecret() != null) {
                config.put("clientSecret", link.clientSecret());
            } else if (before.isPresent()) {
                config.put("clientSecret", "**********");
            }
        } else {
            config.put("nameIDPolicyFormat", "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
            config.put("principalType", "SUBJECT");
            config.put("postBindingResponse", "true");
            config.put("postBindingAuthnRequest", "true");
        }
        config.put("syncMode", "IMPORT");
        IdentityProviderRepresentation idp = new IdentityProviderRepresentation();
        idp.setAlias(alias);
        idp.setDisplayName(link.displayName());
        idp.setProviderId(link.protocol() == Protocol.OIDC ? "oidc" : "saml");
        idp.setEnabled(link.enabled());
        idp.setTrustEmail(true);
        idp.setStoreToken(false);
        idp.setFirstBrokerLoginFlowAlias("first broker login");
        idp.setConfig(config);

        RealmAdmin.run("link the identity provider", () -> {
            if (before.isEmpty()) {
                RealmAdmin.createdId(realm.realm().identityProviders().create(idp), "Identity provider");
                RealmAdmin.expectSuccess(organizations.of(company).identityProviders().addIdentityProvider(alias),
                        "link the identity provider to the company");
            }
            // The organization keys are accepted once the provider is linked to the organization.
            IdentityProviderResource resource = realm.realm().identityProviders().get(alias);
            IdentityProviderRepresentation linked = resource.toRepresentation();
            Map<String, String> withDomains = new HashMap<>(config);
            withDomains.putAll(domainConfig(company, link.domains(), link.redirectWhenEmailMatches()));
            idp.setConfig(withDomains);
            idp.setInternalId(linked.getInternalId());
            idp.setOrganizationId(linked.getOrganizationId());
            resource.update(idp);
            defaultRole(resource, link.defaultRole());
        });
        Linked after = find(company).orElseThrow();
        log.record(company, before.isEmpty() ? "sso.linked" : "sso.changed", "sso", alias,
                new AuditTrail.Change(before.map(CorporateSso::describe).orElse(null), describe(after)));
        return after;
    }

    /**
     * The provider's configuration as Keycloak reads it from the metadata. The address is checked before
     * Keycloak is sent to it, and the endpoints it names after; whatever goes wrong on the way answers
     * with the same refusal ({@link IdentityProviderAddresses#UNREADABLE}).
     */
    private Map<String, String> imported(Link link) {
        String field = link.protocol() == Protocol.OIDC ? "discoveryUrl" : link.metadataXml() != null ? "metadataXml" : "metadataUrl";
        Map<String, String> config;
        if (link.protocol() == Protocol.SAML && link.metadataXml() != null) {
            MultipartFormDataOutput form = new MultipartFormDataOutput();
            form.addFormData("providerId", "saml", jakarta.ws.rs.core.MediaType.TEXT_PLAIN_TYPE);
            form.addFormData("file", link.metadataXml().getBytes(StandardCharsets.UTF_8), jakarta.ws.rs.core.MediaType.APPLICATION_XML_TYPE,
                    "metadata.xml");
            try {
                config = new HashMap<>(realm.realm().identityProviders().importFrom(form));
            } catch (WebApplicationException e) {
                throw IdentityProviderAddresses.unreadable(field);
            } catch (ProcessingException e) {
                throw RealmAdmin.unavailable("read the identity provider's metadata", e);
            }
        } else {
            String url = link.protocol() == Protocol.OIDC ? link.discoveryUrl() : link.metadataUrl();
            addresses.requireUsable(field, url);
            try {
                config = new HashMap<>(realm.realm().identityProviders().importFrom(Map.of(
                        "providerId", link.protocol() == Protocol.OIDC ? "oidc" : "saml", "fromUrl", url)));
            } catch (WebApplicationException e) {
                int status = e.getResponse().getStatus();
                if (status == 401 || status == 403 || status == 503) {
                    throw RealmAdmin.unavailable("read the identity provider's metadata", e); // Keycloak's own trouble, not the address
                }
                throw IdentityProviderAddresses.unreadable(field);
            } catch (ProcessingException e) {
                throw RealmAdmin.unavailable("read the identity provider's metadata", e);
            }
        }
        addresses.requireUsableEndpoints(field, config);
        return config;
    }

    /** Which of the company's domains go to this provider: all of them (ANY), one, or all but some. */
    private static Map<String, String> domainConfig(Company company, Set<String> domains, boolean redirect) {
        Map<String, String> config = new HashMap<>();
        if (domains.isEmpty() || domains.equals(company.domains())) {
            config.put(DOMAIN, ANY_DOMAIN);
        } else if (domains.size() == 1) {
            config.put(DOMAIN, domains.iterator().next());
        } else {
            Set<String> excluded = new TreeSet<>(company.domains());
            excluded.removeAll(domains);
            config.put(DOMAIN, ANY_DOMAIN);
            config.put(EXCLUDED_DOMAINS, String.join(",", excluded));
        }
        config.put(REDIRECT_WHEN_EMAIL_MATCHES, Boolean.toString(redirect));
        return config;
    }

    /** The role people get on their first sign-in through the provider (later changes by the admin stay). */
    private void defaultRole(IdentityProviderResource resource, Role role) {
        IdentityProviderMapperRepresentation mapper = resource.getMappers().stream()
                .filter(m -> DEFAULT_ROLE_MAPPER.equals(m.getName()))
                .findFirst()
                .orElseGet(IdentityProviderMapperRepresentation::new);
        mapper.setName(DEFAULT_ROLE_MAPPER);
        mapper.setIdentityProviderAlias(resource.toRepresentation().getAlias());
        mapper.setIdentityProviderMapper("oidc-hardcoded-role-idp-mapper");
        mapper.setConfig(Map.of("role", role.claimValue(), "syncMode", "IMPORT"));
        if (mapper.getId() == null) {
            RealmAdmin.createdId(resource.addMapper(mapper), "Role mapper");
        } else {
            resource.update(mapper.getId(), mapper);
        }
    }

    private Optional<Linked> find(Company company) {
        String alias = aliasOf(company);
        IdentityProviderRepresentation idp;
        try {
            idp = realm.realm().identityProviders().get(alias).toRepresentation();
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (WebApplicationException | ProcessingException e) {
            throw RealmAdmin.unavailable("read the SSO link", e);
        }
        Map<String, String> config = idp.getConfig();
        Set<String> domains = new TreeSet<>(company.domains());
        String domain = config.getOrDefault(DOMAIN, ANY_DOMAIN);
        if (!ANY_DOMAIN.equals(domain)) {
            domains = new TreeSet<>(Set.of(domain));
        } else if (config.get(EXCLUDED_DOMAINS) != null) {
            domains.removeAll(List.of(config.get(EXCLUDED_DOMAINS).split(",")));
        }
        Role role = RealmAdmin.call("read the default role", () -> realm.realm().identityProviders().get(alias).getMappers()).stream()
                .filter(m -> DEFAULT_ROLE_MAPPER.equals(m.getName()))
                .map(m -> Role.fromClaim(m.getConfig().get("role")).orElse(Role.VIEWER))
                .findFirst()
                .orElse(Role.VIEWER);
        boolean oidc = "oidc".equals(idp.getProviderId());
        return Optional.of(new Linked(alias, oidc ? Protocol.OIDC : Protocol.SAML, idp.getDisplayName(),
                oidc ? config.get("issuer") : config.get("idpEntityId"), oidc ? config.get("clientId") : null,
                oidc && config.get("clientSecret") != null, new LinkedHashSet<>(domains),
                Boolean.parseBoolean(config.get(REDIRECT_WHEN_EMAIL_MATCHES)), role, idp.isEnabled(),
                realm.publicUrl() + "/realms/" + realm.realmName() + "/broker/" + alias + "/endpoint"));
    }

    static String aliasOf(Company company) {
        return company.alias() + "-sso";
    }

    private static Map<String, Object> describe(Linked linked) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("protocol", linked.protocol());
        state.put("issuerOrEntityId", linked.issuerOrEntityId());
        state.put("clientId", linked.clientId());
        state.put("domains", linked.domains());
        state.put("redirectWhenEmailMatches", linked.redirectWhenEmailMatches());
        state.put("defaultRole", linked.defaultRole().claimValue());
        state.put("enabled", linked.enabled());
        return state;
    }
}
