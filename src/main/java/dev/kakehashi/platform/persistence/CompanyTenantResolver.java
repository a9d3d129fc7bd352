package dev.kakehashi.platform.persistence;

import dev.kakehashi.platform.security.CallerContext;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.spi.CDI;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Hibernate's tenant of a session is the caller's company, read from the request-scoped
 * {@link CallerContext}. Every entity with {@code @TenantId} is then filtered and stamped with it by
 * Hibernate itself, so no query can forget the company. Outside a request, or before the caller is
 * known, the tenant is {@link #NO_COMPANY}, which matches no row and cannot be written (foreign key).
 * Hibernate 6.6 instantiates it from persistence.xml (it does not look resolvers up in CDI), hence
 * the lookup through {@code CDI.current()} rather than injection.
 */
public class CompanyTenantResolver implements CurrentTenantIdentifierResolver<String> {

    public static final String NO_COMPANY = "-";

    @Override
    public String resolveCurrentTenantIdentifier() {
        try {
            return CDI.current().select(CallerContext.class).get().tenantId().orElse(NO_COMPANY);
        } catch (ContextNotActiveException e) {
            return NO_COMPANY;
        }
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return false;
    }
}
