package dev.kakehashi.company;

import dev.kakehashi.platform.api.PageRequest;
import dev.kakehashi.platform.api.IfMatch;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.security.Role;
import dev.kakehashi.platform.web.Actions;
import dev.kakehashi.platform.web.Messages;
import dev.kakehashi.platform.web.PerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/** The company admin's API clients page: create, rotate (the secret is shown once), revoke. */
@Named
@RequestScoped
public class ErpClientsPage {

    @Inject
    ErpClients clients;

    @Inject
    RealmAdmin realm;

    private String name;
    private List<String> roles = new ArrayList<>(List.of("bid-manager", "contributor"));
    /** A secret to show on the next page only: carried by Faces' flash across the redirect after the post. */
    public record Shown(String clientId, String secret) implements java.io.Serializable {
    }

    private static final String SHOWN = "kakehashi.erpClientSecret";

    public List<ErpClient> getClients() {
        return PerRequest.get("erpClients", () -> clients.list(PageRequest.of(0, PageRequest.MAX_SIZE)));
    }

    public List<String> getRoleNames() {
        return ErpClients.ERP_ROLES.stream().map(Role::claimValue).toList();
    }

    public String rolesOf(ErpClient client) {
        return String.join(", ", client.roles().stream().sorted().map(Role::claimValue).toList());
    }

    public String getTokenUrl() {
        return realm.publicUrl() + "/realms/" + realm.realmName() + "/protocol/openid-connect/token";
    }

    public String create() {
        try {
            ErpClientResource.NewClient client = ErpClientResource.newClient(new ErpClientResource.ClientBody(name, roles));
            return showOnce(clients.create(client.name(), client.roles()));
        } catch (ProblemException e) {
            Messages.error(e);
            return null;
        }
    }

    public String rotate(ErpClient client) {
        try {
            return showOnce(clients.rotate(client.id(), IfMatch.version(client.version())));
        } catch (ProblemException e) {
            Messages.error(e);
            return null;
        }
    }

    /** Post, redirect, get: a reload cannot post again and make a second client, and the secret is gone. */
    private static String showOnce(ErpClients.WithSecret made) {
        jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getFlash()
                .put(SHOWN, new Shown(made.client().clientId(), made.secret()));
        return "/company/clients?faces-redirect=true";
    }

    public String revoke(ErpClient client) {
        return Actions.change(() -> clients.revoke(client.id(), IfMatch.version(client.version())), "clients.revoked", ErpClient::clientId);
    }

    /** The client whose secret this page shows, once (right after it was made or rotated). */
    public Shown getShown() {
        return (Shown) jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getFlash().get(SHOWN);
    }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public List<String> getRoles() { return roles; }
    public void setRoles(List<String> roles) { this.roles = roles; }
}
