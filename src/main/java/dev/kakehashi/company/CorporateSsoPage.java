package dev.kakehashi.company;

import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.security.CallerContext;
import dev.kakehashi.platform.web.Actions;
import dev.kakehashi.platform.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The company admin's SSO page: link the corporate identity provider (OIDC or SAML) for the company's domains. */
@Named
@RequestScoped
public class CorporateSsoPage {

    @Inject
    CorporateSso sso;

    @Inject
    CallerContext context;

    @Inject
    RealmAdmin realm;

    private Optional<CorporateSso.Linked> linked;
    private String protocol = "OIDC";
    private String displayName;
    private String discoveryUrl;
    private String clientId;
    private String clientSecret;
    private String metadataUrl;
    private String metadataXml;
    private List<String> domains = new ArrayList<>();
    private boolean redirect = true;
    private String defaultRole = "viewer";

    @PostConstruct
    void load() {
        linked = sso.current();
        domains = new ArrayList<>(context.company().domains());
        linked.ifPresent(l -> {
            protocol = l.protocol().name();
            displayName = l.displayName();
            clientId = l.clientId();
            domains = new ArrayList<>(l.domains());
            redirect = l.redirectWhenEmailMatches();
            defaultRole = l.defaultRole().claimValue();
        });
    }

    public String save() {
        return Actions.change(() -> {
            CorporateSso.Link link = CorporateSsoResource.link(new CorporateSsoResource.SsoBody(protocol, displayName, discoveryUrl, clientId,
                    blankToNull(clientSecret), blankToNull(metadataUrl), blankToNull(metadataXml), domains, redirect, defaultRole, true));
            // The page shows the link as it stands and saves over it: its tag is the one just read.
            sso.link(link, linked.map(l -> dev.kakehashi.platform.api.IfMatch.version(l.tag())).orElse(dev.kakehashi.platform.api.IfMatch.of(null)));
        }, "sso.saved");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public String getRedirectUri() {
        return linked.map(CorporateSso.Linked::redirectUri)
                .orElse(realm.publicUrl() + "/realms/" + realm.realmName() + "/broker/" + CorporateSso.aliasOf(context.company()) + "/endpoint");
    }

    public List<String> getCompanyDomains() { return context.company().domains().stream().sorted().toList(); }
    public CorporateSso.Linked getLinked() { return linked.orElse(null); }
    public String getProtocol() { return protocol; }
    public void setProtocol(String protocol) { this.protocol = protocol; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getDiscoveryUrl() { return discoveryUrl; }
    public void setDiscoveryUrl(String discoveryUrl) { this.discoveryUrl = discoveryUrl; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getClientSecret() { return clientSecret; }
    public void setClientSecret(String clientSecret) { this.clientSecret = clientSecret; }
    public String getMetadataUrl() { return metadataUrl; }
    public void setMetadataUrl(String metadataUrl) { this.metadataUrl = metadataUrl; }
    public String getMetadataXml() { return metadataXml; }
    public void setMetadataXml(String metadataXml) { this.metadataXml = metadataXml; }
    public List<String> getDomains() { return domains; }
    public void setDomains(List<String> domains) { this.domains = domains; }
    public boolean isRedirect() { return redirect; }
    public void setRedirect(boolean redirect) { this.redirect = redirect; }
    public String getDefaultRole() { return defaultRole; }
    public void setDefaultRole(String defaultRole) { this.defaultRole = defaultRole; }
}
