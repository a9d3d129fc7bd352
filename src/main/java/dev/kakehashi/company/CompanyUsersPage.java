package dev.kakehashi.company;

import dev.kakehashi.platform.api.PageRequest;
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
import java.util.Optional;
import java.util.Set;

/** The company admin's users page: who is in the company, their roles, invite, disable and re-enable. */
@Named
@RequestScoped
public class CompanyUsersPage {

    @Inject
    CompanyUsers users;

    private String email;
    private String firstName;
    private String lastName;
    private List<String> roles = new ArrayList<>(List.of("contributor"));
    private String locale;

    public List<CompanyUsers.CompanyUser> getUsers() {
        return PerRequest.get("companyUsers", () -> users.list(null, PageRequest.of(0, PageRequest.MAX_SIZE)));
    }

    public List<String> getRoleNames() {
        return CompanyUsers.COMPANY_ROLES.stream().map(Role::claimValue).toList();
    }

    public List<String> roleNamesOf(CompanyUsers.CompanyUser user) {
        return user.roles().stream().sorted().map(Role::claimValue).toList();
    }

    public String invite() {
        return Actions.change(() -> users.invite(CompanyUsersResource.invitation(
                new CompanyUsersResource.InvitationBody(email, firstName, lastName, roles, locale))), "users.invited", CompanyUsers.CompanyUser::email);
    }

    public String setEnabled(CompanyUsers.CompanyUser user, boolean enabled) {
        return change(user, Optional.empty(), Optional.of(enabled));
    }

    /** Grants or takes away one role, as the row's role toggles do. */
    public String toggleRole(CompanyUsers.CompanyUser user, String role) {
        Set<Role> wanted = java.util.EnumSet.noneOf(Role.class);
        wanted.addAll(user.roles());
        Role toggled = Role.fromClaim(role).orElseThrow();
        if (!wanted.remove(toggled)) {
            wanted.add(toggled);
        }
        if (wanted.isEmpty()) {
            Messages.warn("users.needsARole");
            return null;
        }
        return change(user, Optional.of(wanted), Optional.empty());
    }

    private String change(CompanyUsers.CompanyUser user, Optional<Set<Role>> roles, Optional<Boolean> enabled) {
        return Actions.change(() -> users.change(user.id(), roles, enabled, dev.kakehashi.platform.api.IfMatch.version(user.tag())),
                "users.changed", CompanyUsers.CompanyUser::email);
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public List<String> getRoles() { return roles; }
    public void setRoles(List<String> roles) { this.roles = roles; }
    public String getLocale() { return locale; }
    public void setLocale(String locale) { this.locale = locale; }

}
