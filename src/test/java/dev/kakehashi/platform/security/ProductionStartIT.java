package dev.kakehashi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.kakehashi.devstack.WildFlyServer;
import dev.kakehashi.testing.KeycloakAdmin;
import dev.kakehashi.testing.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A production start (demo data off) beside the demo refuses to run: here the test Keycloak, which holds the
 * demo's people, ERP clients and password-grant client, and a database password that is the demo's. The
 * server of the production configuration comes up, but the application does not deploy, and its log says why.
 */
class ProductionStartIT {

    private static final Path HOME = Path.of(System.getProperty("kakehashi.basedir", ".")).resolve("target/production-start");

    @Test
    void aProductionStartBesideDemoAccountsAndDemoSecretsRefusesToRunAndSaysWhy() throws Exception {
        assumeFalse(Boolean.getBoolean("kakehashi.db.external"), "needs the embedded MariaDB's root to make a database of its own");
        String database = "kakehashi_production_start";
        String adminClient = "production-check-" + UUID.randomUUID().toString().substring(0, 8);
        String adminSecret = UUID.randomUUID().toString();
        KeycloakAdmin.createServiceClient(adminClient, adminSecret, List.of("view-clients", "query-clients", "view-users", "query-users"));
        try {
            String url = Sql.freshDatabase(database);
            Path log = HOME.resolve("server.log");
            assertThatThrownBy(() -> WildFlyServer.startReplica(Path.of(System.getProperty("jboss.home")), System.getProperty("wildfly.config"),
                    HOME.resolve("server"), Path.of(System.getProperty("kakehashi.war")), 800, "production-start",
                    Map.ofEntries(
                            Map.entry("JAVA_OPTS", "-Xms128m -Xmx512m -Djava.net.preferIPv4Stack=true"),
                            Map.entry("KAKEHASHI_DEMO_DATA", "false"),
                            Map.entry("KAKEHASHI_DB_URL", url),
                            Map.entry("KAKEHASHI_CLUSTER_NAME", "kakehashi-production-start"),
                            Map.entry("KAKEHASHI_OIDC_CLIENT_SECRET", UUID.randomUUID().toString()),
                            Map.entry("KAKEHASHI_KEYCLOAK_ADMIN_CLIENT_ID", adminClient),
                            Map.entry("KAKEHASHI_KEYCLOAK_ADMIN_SECRET", adminSecret),
                            Map.entry("KAKEHASHI_BLOB_DIR", HOME.resolve("blobs").toString())),
                    log))
                    .hasMessageContaining("failed to deploy");

            String written = Files.readString(log);
            assertThat(written).contains("Kakehashi refuses to start in production")
                    .contains("KAKEHASHI_DB_PASSWORD is a demo value")
                    .contains("KAKEHASHI_PRICES_KEYS is not set")
                    .contains("the password-grant client kakehashi-cli exists")
                    .contains("demo ERP clients exist")
                    .contains("demo users exist")
                    .doesNotContain(adminSecret);
        } finally {
            KeycloakAdmin.deleteClient(adminClient);
            Sql.dropDatabase(database);
        }
    }
}
