package dev.kakehashi.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code ./mvnw -Prun}: starts MariaDB (embedded), Keycloak and WildFly with the application, with the
 * demo companies, users and data, prints where to sign in, and blocks. Ctrl-C stops all three.
 * Data lives in .run/ and survives restarts and {@code mvn clean}.
 */
public final class RunKakehashi {

    private static final List<String> COMPANIES = List.of("sakura-shoji", "tsubasa-trading", "hanbit-enc", "mirae-epc");
    private static final List<String> ROLES = List.of("company-admin", "bid-manager", "contributor", "viewer");

    private RunKakehashi() {
    }

    public static void main(String[] args) throws Exception {
        Path basedir = Path.of(System.getProperty("kakehashi.basedir", ".")).toAbsolutePath();
        Path runDir = basedir.resolve(".run");
        Path logs = runDir.resolve("logs");
        int httpPort = port("KAKEHASHI_HTTP_PORT", 8080);
        int managementPort = port("KAKEHASHI_MANAGEMENT_PORT", 9990);
        int keycloakPort = port("KAKEHASHI_KEYCLOAK_PORT", 8180);
        int keycloakManagementPort = port("KAKEHASHI_KEYCLOAK_MANAGEMENT_PORT", 9000);
        int dbPort = port("KAKEHASHI_DB_PORT", 3316);
        int smtpPort = port("KAKEHASHI_SMTP_PORT", 3025);
        String demoPassword = System.getenv().getOrDefault("KAKEHASHI_DEMO_PASSWORD", "demo");
        String publicUrl = "http://localhost:" + httpPort;
        String keycloakVersion = System.getProperty("kakehashi.keycloak.version");

        Instant started = Instant.now();
        Stack stack = new Stack();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("Stopping Kakehashi: WildFly, Keycloak, MariaDB ...");
            stack.close();
            say("Stopped.");
        }, "kakehashi-stop"));

        try {
            say("Starting the mail catcher on SMTP port " + smtpPort + " (messages saved in .run/mail/) ...");
            stack.mail = MailCatcher.start(smtpPort);
            startAll(stack, basedir, runDir, logs, httpPort, managementPort, keycloakPort, keycloakManagementPort, dbPort,
                    demoPassword, publicUrl, keycloakVersion);
        } catch (Exception e) {
            System.err.println("[kakehashi] Could not start: " + e.getMessage());
            // Exiting runs the shutdown hook, which stops whatever did start.
            System.exit(1);
        }
        banner(publicUrl, managementPort, stack, demoPassword, Duration.between(started, Instant.now()), basedir.relativize(logs));
        Path mailDir = runDir.resolve("mail");
        int saved = 0;
        while (true) {
            Thread.sleep(1000);
            MailCatcher mail = stack.mail;
            if (mail == null) {
                return;
            }
            int now = mail.saveNew(mailDir, saved);
            if (now > saved) {
                say((now - saved) + " e-mail(s) caught, see " + basedir.relativize(mailDir));
            }
            saved = now;
        }
    }

    private static void startAll(Stack stack, Path basedir, Path runDir, Path logs, int httpPort, int managementPort,
                                 int keycloakPort, int keycloakManagementPort, int dbPort, String demoPassword,
                                 String publicUrl, String keycloakVersion) throws Exception {
        stack.database = Database.fromEnvironment().orElse(null);
        if (stack.database == null) {
            Path dataDir = Database.keepableDataDir(runDir.resolve("mariadb"), basedir);
            say("Starting MariaDB on port " + dbPort + " (data in " + dataDir + ") ...");
            stack.database = Database.embedded(dbPort, dataDir, false);
        } else {
            say("Using the MariaDB of KAKEHASHI_DB_URL: " + stack.database.url());
        }

        Path keycloakHome = runDir.resolve("keycloak-" + keycloakVersion);
        say("Starting Keycloak " + keycloakVersion + " on port " + keycloakPort
                + (java.nio.file.Files.exists(keycloakHome.resolve("lib/quarkus/build-system.properties"))
                ? " ..." : " (first start: unpacking and building it, 1-2 minutes) ..."));
        stack.keycloak = KeycloakServer.start(Path.of(System.getProperty("kakehashi.keycloak.zip")), keycloakHome,
                keycloakPort, keycloakManagementPort, false, basedir.resolve("src/main/keycloak"),
                Map.of("KAKEHASHI_PUBLIC_URL", publicUrl, "KAKEHASHI_DEMO_PASSWORD", demoPassword,
                        "KAKEHASHI_SMTP_PORT", Integer.toString(stack.mail.port())), logs.resolve("keycloak.log"));

        say("Starting WildFly with Kakehashi on port " + httpPort + " ...");
        stack.wildfly = WildFlyServer.start(Path.of(System.getProperty("jboss.home")), System.getProperty("wildfly.config"),
                basedir.resolve("target/run-server"), Path.of(System.getProperty("kakehashi.war")), httpPort, managementPort,
                Map.ofEntries(Map.entry("KAKEHASHI_DB_URL", stack.database.url()),
                        Map.entry("KAKEHASHI_DB_USER", stack.database.user()),
                        Map.entry("KAKEHASHI_DB_PASSWORD", stack.database.password()),
                        Map.entry("KAKEHASHI_OIDC_ISSUER", stack.keycloak.realmUrl()),
                        Map.entry("KAKEHASHI_KEYCLOAK_ADMIN_SECRET", "kakehashi-admin-secret"),
                        Map.entry("KAKEHASHI_PUBLIC_URL", publicUrl),
                        Map.entry("KAKEHASHI_DEMO_DATA", "true"),
                        // The demo's corporate identity provider is Keycloak itself, on this machine, over http
                        Map.entry("KAKEHASHI_SSO_ALLOWED_HOSTS", "localhost"),
                        Map.entry("KAKEHASHI_SSO_REQUIRE_HTTPS", "false"),
                        Map.entry("KAKEHASHI_SMTP_HOST", "localhost"),
                        Map.entry("KAKEHASHI_SMTP_PORT", Integer.toString(stack.mail.port())),
                        Map.entry("KAKEHASHI_BLOB_DIR", runDir.resolve("blobs").toString())),
                logs.resolve("wildfly.log"));
    }

    private static void banner(String publicUrl, int managementPort, Stack stack, String password, Duration took, Path logs) {
        StringBuilder out = new StringBuilder("\n");
        out.append("Kakehashi is running (started in ").append(took.toSeconds()).append(" s).\n\n");
        out.append("  Web UI     ").append(publicUrl).append("/\n");
        out.append("  API        ").append(publicUrl).append("/api/v1   OpenAPI: ").append(publicUrl).append("/openapi\n");
        out.append("  Health     http://localhost:").append(managementPort).append("/health\n");
        out.append("  Keycloak   http://localhost:").append(stack.keycloak.port()).append("/admin   (admin / admin)\n");
        out.append("  Database   ").append(stack.database.url()).append("   (kakehashi / kakehashi)\n");
        out.append("  Logs       ").append(logs).append("/\n");
        out.append("  E-mail     every message the app sends is caught and saved in .run/mail/ (SMTP port ").append(stack.mail.port()).append(")\n\n");
        out.append("Demo logins, password '").append(password).append("':\n");
        for (String company : COMPANIES) {
            out.append(String.format("  %-16s", company));
            for (String role : ROLES) {
                out.append(' ').append(role).append('@').append(company).append(".example");
            }
            out.append('\n');
        }
        out.append("  platform operator: operator@kakehashi.example\n");
        out.append("ERP clients (client credentials): <company>-erp / <company>-erp-secret, e.g. hanbit-enc-erp\n\n");
        out.append("Try the API:\n");
        out.append("  TOKEN=$(curl -s -d grant_type=password -d client_id=kakehashi-cli -d username=bid-manager@sakura-shoji.example -d password=")
                .append(password).append(' ').append(stack.keycloak.realmUrl()).append("/protocol/openid-connect/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')\n");
        out.append("  curl -H \"Authorization: Bearer $TOKEN\" ").append(publicUrl).append("/api/v1/me\n\n");
        out.append("Press Ctrl-C to stop everything.\n");
        System.out.println(out);
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static void say(String line) {
        System.out.println("[kakehashi] " + line);
    }

    /** What is running, stopped in reverse order of start. */
    static final class Stack implements AutoCloseable {
        Database database;
        KeycloakServer keycloak;
        WildFlyServer wildfly;
        MailCatcher mail;
        ObjectStorage objectStorage;

        @Override
        public synchronized void close() {
            if (objectStorage != null) {
                objectStorage.close();
                objectStorage = null;
            }
            if (wildfly != null) {
                wildfly.close();
                wildfly = null;
            }
            if (keycloak != null) {
                keycloak.close();
                keycloak = null;
            }
            if (database != null) {
                database.close();
                database = null;
            }
            if (mail != null) {
                mail.close();
                mail = null;
            }
        }
    }
}
