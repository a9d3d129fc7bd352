package dev.kakehashi.platform.security;

import dev.kakehashi.company.Company;
import dev.kakehashi.platform.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Writes a refused sign-in into the company's audit trail: the person's e-mail was verified, but not at
 * one of the company's domains. Once per person and ten minutes, so that a client retrying in a loop
 * does not flood the trail.
 */
@ApplicationScoped
public class RefusedSignIns {

    private static final Logger LOG = Logger.getLogger(RefusedSignIns.class.getName());
    private static final Duration QUIET = Duration.ofMinutes(10);

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    private final Map<String, Instant> lastWritten = new ConcurrentHashMap<>();

    void refused(Company company, Caller caller) {
        Instant now = clock.instant();
        Instant last = lastWritten.get(caller.userId());
        if (last != null && last.plus(QUIET).isAfter(now)) {
            return;
        }
        lastWritten.put(caller.userId(), now);
        LOG.warning(() -> "Refused the sign-in of " + caller.email() + " (user " + caller.userId() + ") to " + company.alias()
                + ": the e-mail is not at one of the company's domains " + company.domains());
        try {
            audit.recordRefusedSignIn(company.id(), company.alias(), caller.userId(), caller.name(), caller.email());
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not audit the refused sign-in of " + caller.userId() + ": " + e);
        }
    }
}
