package dev.kakehashi.company;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.representations.idm.ClientRepresentation;

/**
 * A production start (anything but {@code KAKEHASHI_DEMO_DATA=true}) refuses to run beside anything of the
 * demo: the secrets the local runs use, the demo people and ERP clients, or the password-grant client
 * {@code kakehashi-cli} (which would let anyone who learns a password trade it for an API token without
 * the sign-in page's protections). The application then does not deploy, and says why in the log.
 */
@ApplicationScoped
public class ProductionSafety {

    private static final Logger LOG = Logger.getLogger(ProductionSafety.class.getName());

    /** What the demo uses: known to everyone who read the README. */
    static final List<String> DEMO_SECRETS = List.of("kakehashi-web-secret", "kakehashi-admin-secret", "kakehashi", "demo", "admin");
    static final List<String> DEMO_COMPANIES = List.of("sakura-shoji", "tsubasa-trading", "hanbit-enc", "mirae-epc");
    static final List<String> DEMO_ROLES = List.of("company-admin", "bid-manager", "contributor", "viewer");
    static final String DEMO_OPERATOR = "operator@kakehashi.example";
    static final String PASSWORD_GRANT_CLIENT = "kakehashi-cli";

    @Inject
    @ConfigProperty(name = "kakehashi.demo-data", defaultValue = "false")
    boolean demoData;

    @Inject
    @ConfigProperty(name = "kakehashi.oidc.client-secret")
    Optional<String> webClientSecret;

    @Inject
    @ConfigProperty(name = "kakehashi.keycloak.admin-secret")
    Optional<String> adminSecret;

    @Inject
    @ConfigProperty(name = "kakehashi.db.password")
    Optional<String> databasePassword;

    @Inject
    @ConfigProperty(name = "kakehashi.prices.keys")
    Optional<String> priceKeys;

    @Inject
    @ConfigProperty(name = "kakehashi.production-check.wait-seconds", defaultValue = "120")
    long waitSeconds;

    @Inject
    RealmAdmin realm;

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (demoData) {
            LOG.info("Demo data on: the production checks of secrets and demo accounts are skipped (local runs and tests only)");
            return;
        }
        List<String> findings = new ArrayList<>(secretFindings(webClientSecret, adminSecret, databasePassword));
        findings.addAll(priceKeyFindings(priceKeys));
        if (adminSecret.filter(s -> !s.isBlank()).isPresent()) {
            findings.addAll(keycloakFindings());
        } else {
            findings.add("without KAKEHASHI_KEYCLOAK_ADMIN_SECRET the realm cannot be checked for demo accounts");
        }
        if (!findings.isEmpty()) {
            String why = "Kakehashi refuses to start in production: " + String.join("; ", findings)
                    + ". Set real secrets, import src/main/keycloak/kakehashi-realm.json alone (no demo), or run the demo with KAKEHASHI_DEMO_DATA=true.";
            LOG.severe(why);
            throw new IllegalStateException(why);
        }
        LOG.info("Production checks passed: no demo secret, no demo account, no password-grant client");
    }

    /** The configured secrets that are missing or the demo's own. */
    static List<String> secretFindings(Optional<String> webClientSecret, Optional<String> adminSecret, Optional<String> databasePassword) {
        List<String> findings = new ArrayList<>();
        check(findings, "KAKEHASHI_OIDC_CLIENT_SECRET", webClientSecret);
        check(findings, "KAKEHASHI_KEYCLOAK_ADMIN_SECRET", adminSecret);
        check(findings, "KAKEHASHI_DB_PASSWORD", databasePassword);
        return findings;
    }

    /** Sealed prices need a key of the installation's own: without one they would be encrypted with the development key. */
    static List<String> priceKeyFindings(Optional<String> keys) {
        if (keys.isEmpty() || keys.get().isBlank()) {
            return List.of("KAKEHASHI_PRICES_KEYS is not set (prices would be encrypted with the development key)");
        }
        boolean development = java.util.Arrays.stream(keys.get().split(",")).map(String::strip).anyMatch(k -> k.startsWith("dev:"));
        return development ? List.of("KAKEHASHI_PRICES_KEYS holds the development key") : List.of();
    }

    private static void check(List<String> findings, String variable, Optional<String> value) {
        if (value.isEmpty() || value.get().isBlank()) {
            findings.add(variable + " is not set");
        } else if (DEMO_SECRETS.contains(value.get().strip())) {
            findings.add(variable + " is a demo value");
        }
    }

    /** Demo accounts and the password-grant client in the realm, asked of Keycloak (waiting a while for it to answer). */
    List<String> keycloakFindings() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(waitSeconds));
        while (true) {
            try {
                return askKeycloak();
            } catch (RuntimeException e) {
                if (Instant.now().isAfter(deadline)) {
                    return List.of("Keycloak could not be asked whether it holds demo accounts (" + e.getMessage() + ")");
                }
                LOG.info(() -> "Waiting for Keycloak to check the realm for demo accounts: " + e.getMessage());
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return List.of("interrupted while waiting for Keycloak");
                }
            }
        }
    }

    private List<String> askKeycloak() {
        List<String> findings = new ArrayList<>();
        var clients = realm.realm().clients();
        if (!clients.findByClientId(PASSWORD_GRANT_CLIENT).isEmpty()) {
            findings.add("the password-grant client " + PASSWORD_GRANT_CLIENT + " exists");
        }
        for (ClientRepresentation client : clients.findAll()) {
            if (Boolean.TRUE.equals(client.isDirectAccessGrantsEnabled()) && !PASSWORD_GRANT_CLIENT.equals(client.getClientId())) {
                findings.add("client " + client.getClientId() + " allows the password grant");
            }
        }
        List<String> demoClients = DEMO_COMPANIES.stream().map(c -> c + "-erp").filter(c -> !clients.findByClientId(c).isEmpty()).toList();
        if (!demoClients.isEmpty()) {
            findings.add("demo ERP clients exist: " + demoClients);
        }
        List<String> demoPeople = new ArrayList<>();
        var users = realm.realm().users();
        for (String company : DEMO_COMPANIES) {
            for (String role : DEMO_ROLES) {
                String username = role + "@" + company + ".example";
                if (!users.searchByUsername(username, true).isEmpty()) {
                    demoPeople.add(username);
                }
            }
        }
        if (!users.searchByUsername(DEMO_OPERATOR, true).isEmpty()) {
            demoPeople.add(DEMO_OPERATOR);
        }
        if (!demoPeople.isEmpty()) {
            findings.add(demoPeople.size() + " demo users exist (e.g. " + demoPeople.get(0) + ")");
        }
        return findings;
    }
}
