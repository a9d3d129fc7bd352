package dev.kakehashi.platform.security;

import dev.kakehashi.company.Company;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.api.ProblemType;
import jakarta.enterprise.context.RequestScoped;
import java.util.Arrays;
import java.util.Optional;

/**
 * The one request-scoped place that knows who is calling and for which company. It is filled from a
 * verified token by {@link CallerAuthenticator} (API and web alike) and read by services and by the
 * tenant resolver of Hibernate; nothing else may set the company.
 */
@RequestScoped
public class CallerContext {

    private Caller caller;
    private Company company;

    void establish(Caller caller, Company company) {
        if (this.caller != null) {
            throw new IllegalStateException("The caller of a request is set once");
        }
        this.caller = caller;
        this.company = company;
    }

    public boolean isAuthenticated() {
        return caller != null;
    }

    public Caller caller() {
        if (caller == null) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "Sign in first");
        }
        return caller;
    }

    /**
     * The caller's company. The platform operator has none, and to it every piece of company data
     * answers 404, exactly as if it did not exist.
     */
    public Company company() {
        if (caller().isOperator()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Not found");
        }
        return company;
    }

    /** The caller's company, if the caller has one of these roles in it: 404 for the operator, else 403. */
    public Company companyAs(Role... roles) {
        Company mine = company();
        requireAnyOf(roles);
        return mine;
    }

    /** 403 unless the caller is the platform operator. */
    public Caller requireOperator() {
        if (!caller().isOperator()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only the platform operator onboards companies");
        }
        return caller;
    }

    /** The tenant identifier of company-owned data: the id of the caller's company. */
    public Optional<String> tenantId() {
        return company == null ? Optional.empty() : Optional.of(company.id());
    }

    /** 403 unless the caller has one of these roles. Use only where the caller may see the thing. */
    public void requireAnyOf(Role... roles) {
        if (Arrays.stream(roles).noneMatch(caller()::has)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This needs one of the roles " + Arrays.toString(
                    Arrays.stream(roles).map(Role::claimValue).toArray()));
        }
    }
}
