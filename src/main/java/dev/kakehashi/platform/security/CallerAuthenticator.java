package dev.kakehashi.platform.security;

import dev.kakehashi.company.Company;
import dev.kakehashi.company.CompanyDirectory;
import dev.kakehashi.company.People;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.api.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns a raw access token into the caller of this request: verify it, take the single company it
 * names, find that company, and fill the {@link CallerContext}. A token without a company is refused.
 */
@ApplicationScoped
public class CallerAuthenticator {

    @Inject
    AccessTokenVerifier verifier;

    @Inject
    CompanyDirectory companies;

    @Inject
    CallerContext context;

    @Inject
    People people;

    @Inject
    RefusedSignIns refusals;

    public Caller authenticate(String rawToken) {
        JsonWebToken token;
        try {
            token = verifier.verify(rawToken);
        } catch (InvalidTokenException e) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, e.getMessage());
        }
        java.util.Optional<String> alias = TokenClaims.company(token);
        if (alias.isEmpty() && TokenClaims.roles(token).contains(Role.PLATFORM_OPERATOR)) {
            // The operator belongs to no company: it onboards companies and sees none of their data.
            Caller operator = TokenClaims.caller(token, null);
            context.establish(operator, null);
            return operator;
        }
        Company company = companies.byAlias(alias.orElseThrow(() -> new ProblemException(ProblemType.NO_COMPANY,
                        "Your account does not belong to exactly one company; ask your company administrator")))
                .orElseThrow(() -> new ProblemException(ProblemType.COMPANY_NOT_ONBOARDED,
                        "Company '" + alias.get() + "' is not onboarded in Kakehashi"));
        Caller caller = TokenClaims.caller(token, company.alias()).withoutOperatorRole();
        if (caller.email() != null && !company.ownsDomainOf(caller.email())) {
            // A verified address of another company's domain: a corporate identity provider vouching for someone
            // it has no say over. Refused, and written down (once in a while, not on every request).
            refusals.refused(company, caller);
            throw new ProblemException(ProblemType.EMAIL_DOMAIN_NOT_COMPANY, "Your e-mail address " + caller.email()
                    + " is not at one of the domains of " + company.alias() + "; ask your company administrator");
        }
        context.establish(caller, company);
        people.remember(caller, company);
        return caller;
    }
}
