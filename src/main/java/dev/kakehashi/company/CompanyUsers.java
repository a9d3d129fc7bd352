package dev.kakehashi.company;

import dev.kakehashi.platform.api.EntityTags;
import dev.kakehashi.platform.api.IfMatch;
import dev.kakehashi.platform.api.PageRequest;
import dev.kakehashi.platform.api.Problem;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.api.ProblemType;
import dev.kakehashi.platform.audit.AuditTrail;
import dev.kakehashi.platform.security.Caller;
import dev.kakehashi.platform.security.CallerContext;
import dev.kakehashi.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A company admin's users: the members of its company's Keycloak Organization, with their Kakehashi
 * roles and whether they may sign in. Every lookup goes through the organization of the caller's
 * company, so a user of another company is not found (404), on Keycloak's side as on Kakehashi's.
 */
@ApplicationScoped
public class CompanyUsers {

    /** The longest first or last name. */
    public static final int NAME_LENGTH = 100;

    /** The roles a company admin hands out; the platform operator's role is not among them. */
    public static final Set<Role> COMPANY_ROLES = EnumSet.of(Role.COMPANY_ADMIN, Role.BID_MANAGER, Role.CONTRIBUTOR, Role.VIEWER);

    private static final Pattern USER_ID = Pattern.compile("[0-9a-f-]{36}");

    /** A member as the company admin sees it; {@code tag} is its entity tag (roles and enabled). */
    public record CompanyUser(String id, String email, String firstName, String lastName, boolean enabled, Set<Role> roles,
                              boolean emailVerified, boolean signsInWithCorporateSso, boolean mustSetPassword, Long createdAt) {

        public long tag() {
            return EntityTags.ofContent(enabled + "|" + new TreeSet<>(roles));
        }
    }

    public record Invitation(String email, String firstName, String lastName, Set<Role> roles, String locale) {
    }

    @Inject
    CallerContext context;

    @Inject
    RealmAdmin realm;

    @Inject
    Organizations organizations;

    @Inject
    Invitations invitations;

    @Inject
    AdministrationLog log;

    public List<CompanyUser> list(String search, PageRequest page) {
        Company company = requireAdmin();
        List<MemberRepresentation> members = RealmAdmin.call("list the company's users", () -> search == null || search.isBlank()
                ? organizations.of(company).members().list(page.offset(), page.size())
                : organizations.of(company).members().search(search.strip(), false, page.offset(), page.size()));
        return members.stream().map(this::user).toList();
    }

    public long count() {
        Company company = requireAdmin();
        return RealmAdmin.call("count the company's users", () -> organizations.of(company).members().count());
    }

    public CompanyUser get(String userId) {
        Company company = requireAdmin();
        return user(member(company, userId).toRepresentation());
    }

    /**
     * Invites a person of the company: a Keycloak user in the company's organization with the roles
     * given, who gets an e-mail to set a password. Only e-mails at the company's own domains.
     */
    public CompanyUser invite(Invitation invitation) {
        Company company = requireAdmin();
        if (!company.ownsDomainOf(invitation.email())) {
            throw ProblemException.ruleViolated("email", "email-domain-not-company",
                    "People are invited at their company's e-mail domains " + company.domains());
        }
        boolean exists = RealmAdmin.call("look the e-mail up", () -> !realm.realm().users().searchByEmail(invitation.email(), true).isEmpty());
        if (exists) {
            throw new ProblemException(ProblemType.CONFLICT, "Someone with this e-mail already has an account",
                    List.of(new Problem.FieldError("email", "account-exists", "Someone with this e-mail already has an account")));
        }
        UserRepresentation user = new UserRepresentation();
        user.setUsername(invitation.email());
        user.setEmail(invitation.email());
        user.setFirstName(invitation.firstName());
        user.setLastName(invitation.lastName());
        user.setEnabled(true);
        user.setRequiredActions(List.of("UPDATE_PASSWORD"));
        if (invitation.locale() != null) {
            user.singleAttribute("locale", invitation.locale());
        }
        String userId = RealmAdmin.call("create the user", () -> RealmAdmin.createdId(realm.realm().users().create(user), "User"));
        try {
            grant(realm.realm().users().get(userId), invitation.roles(), Set.of());
            RealmAdmin.expectSuccess(organizations.of(company).members().addMember(userId), "add the user to the company");
        } catch (RuntimeException e) {
            RealmAdmin.run("undo the invitation", () -> realm.realm().users().get(userId).remove());
            throw e instanceof ProblemException p ? p : RealmAdmin.unavailable("invite the user", e);
        }
        invitations.askToSetPassword(userId);
        CompanyUser invited = get(userId);
        log.record(company, "company-user.invited", "company-user", invitation.email(), AuditTrail.Change.created(describe(invited)));
        return invited;
    }

    /**
     * Sets a user's roles and whether it may sign in, if the caller read its current state
     * ({@code expectedTag}). An admin cannot lock itself out (no disabling itself, no dropping its own
     * admin role), so a company always keeps an admin.
     */
    public CompanyUser change(String userId, Optional<Set<Role>> roles, Optional<Boolean> enabled, IfMatch ifMatch) {
        Company company = requireAdmin();
        UserResource resource = member(company, userId);
        CompanyUser before = user(resource.toRepresentation());
        ifMatch.require(before.tag(), "user");
        Caller caller = context.caller();
        if (userId.equals(caller.userId())) {
            if (enabled.isPresent() && !enabled.get()) {
                throw ProblemException.ruleViolated("enabled", "not-yourself", "You cannot disable your own account");
            }
            if (roles.isPresent() && !roles.get().contains(Role.COMPANY_ADMIN)) {
                throw ProblemException.ruleViolated("roles", "not-yourself", "You cannot take away your own company-admin role");
            }
        }
        roles.ifPresent(wanted -> {
            Set<Role> toAdd = EnumSet.noneOf(Role.class);
            toAdd.addAll(wanted);
            toAdd.removeAll(before.roles());
            Set<Role> toRemove = EnumSet.noneOf(Role.class);
            toRemove.addAll(before.roles());
            toRemove.removeAll(wanted);
            RealmAdmin.run("set the user's roles", () -> grant(resource, toAdd, toRemove));
        });
        enabled.filter(e -> e != before.enabled()).ifPresent(e -> RealmAdmin.run("enable or disable the user", () -> {
            UserRepresentation representation = resource.toRepresentation();
            representation.setEnabled(e);
            resource.update(representation);
            if (!e) {
                resource.logout();
            }
        }));
        CompanyUser after = user(resource.toRepresentation());
        log.record(company, enabled.isPresent() && enabled.get() != before.enabled()
                        ? (enabled.get() ? "company-user.enabled" : "company-user.disabled") : "company-user.roles-changed",
                "company-user", after.email(), new AuditTrail.Change(describe(before), describe(after)));
        return after;
    }

    private void grant(UserResource user, Set<Role> add, Set<Role> remove) {
        if (!add.isEmpty()) {
            user.roles().realmLevel().add(representations(add));
        }
        if (!remove.isEmpty()) {
            user.roles().realmLevel().remove(representations(remove));
        }
    }

    private List<RoleRepresentation> representations(Set<Role> roles) {
        return roles.stream().map(r -> realm.realm().roles().get(r.claimValue()).toRepresentation()).toList();
    }

    /** The user, if it is a member of the company's organization; else 404, as if it did not exist. */
    private UserResource member(Company company, String userId) {
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw ProblemException.notFound("User");
        }
        try {
            organizations.of(company).members().member(userId).toRepresentation();
        } catch (NotFoundException e) {
            throw ProblemException.notFound("User");
        } catch (WebApplicationException | ProcessingException e) {
            throw RealmAdmin.unavailable("find the user", e);
        }
        return realm.realm().users().get(userId);
    }

    private CompanyUser user(UserRepresentation user) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        RealmAdmin.call("read the user's roles", () -> realm.realm().users().get(user.getId()).roles().realmLevel().listEffective())
                .forEach(r -> Role.fromClaim(r.getName()).filter(COMPANY_ROLES::contains).ifPresent(roles::add));
        boolean sso = RealmAdmin.call("read the user's sign-in", () -> !realm.realm().users().get(user.getId()).getFederatedIdentity().isEmpty());
        return new CompanyUser(user.getId(), user.getEmail(), user.getFirstName(), user.getLastName(), Boolean.TRUE.equals(user.isEnabled()),
                roles, Boolean.TRUE.equals(user.isEmailVerified()), sso,
                user.getRequiredActions() != null && user.getRequiredActions().contains("UPDATE_PASSWORD"), user.getCreatedTimestamp());
    }

    private static Map<String, Object> describe(CompanyUser user) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("email", user.email());
        state.put("enabled", user.enabled());
        state.put("roles", new TreeSet<>(user.roles().stream().map(Role::claimValue).toList()));
        return state;
    }

    private Company requireAdmin() {
        return context.companyAs(Role.COMPANY_ADMIN);
    }
}
