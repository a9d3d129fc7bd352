package dev.kakehashi.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak 26 from its Maven Central distribution, in development mode, with realm kakehashi imported
 * from src/main/keycloak: the production realm with the demo additions of {@code demo/kakehashi-demo.json}
 * merged in (companies, people, ERP clients, the password-grant CLI client), and the demo's corporate
 * identity provider realm. The realm is imported only where it does not exist yet, so a local run keeps
 * what was changed in Keycloak; tests start from a fresh data directory.
 */
final class KeycloakServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private KeycloakServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static KeycloakServer start(Path zip, Path home, int port, int managementPort, boolean fresh, Path realmDirectory,
                                Map<String, String> environment, Path log) throws IOException {
        install(zip, home);
        if (fresh) {
            Processes.deleteTree(home.resolve("data"));
        }
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.writeString(imports.resolve("kakehashi-realm.json"), withDemo(realmDirectory.resolve("kakehashi-realm.json"),
                realmDirectory.resolve("demo/kakehashi-demo.json")));
        try (var realms = Files.newDirectoryStream(realmDirectory.resolve("demo"), "*-realm.json")) {
            for (Path realmFile : realms) {
                Files.copy(realmFile, imports.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.createDirectories(log.getParent());

        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--http-management-port=" + managementPort, "--health-enabled=true",
                "--import-realm", "--log-level=INFO,org.keycloak.events:WARN"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putIfAbsent("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().putIfAbsent("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        builder.environment().put("KAKEHASHI_KEYCLOAK_URL", "http://localhost:" + port);
        // The production realm names its secrets without defaults; local runs and tests use the demo's.
        builder.environment().putIfAbsent("KAKEHASHI_WEB_CLIENT_SECRET", "kakehashi-web-secret");
        builder.environment().putIfAbsent("KAKEHASHI_KEYCLOAK_ADMIN_SECRET", "kakehashi-admin-secret");
        builder.environment().putAll(environment);
        Process process = builder.start();
        KeycloakServer server = new KeycloakServer(process, port);
        try {
            Processes.awaitHttp("Keycloak", server.realmUrl() + "/.well-known/openid-configuration",
                    r -> r.statusCode() == 200, Duration.ofMinutes(5), process, log);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The production realm with the demo's clients, users and organizations added to its own. */
    static String withDemo(Path realmFile, Path demoFile) throws IOException {
        jakarta.json.JsonObject realm;
        jakarta.json.JsonObject demo;
        try (var reader = jakarta.json.Json.createReader(Files.newBufferedReader(realmFile))) {
            realm = reader.readObject();
        }
        try (var reader = jakarta.json.Json.createReader(Files.newBufferedReader(demoFile))) {
            demo = reader.readObject();
        }
        jakarta.json.JsonObjectBuilder merged = jakarta.json.Json.createObjectBuilder(realm);
        for (String list : List.of("clients", "users", "organizations")) {
            jakarta.json.JsonArrayBuilder all = jakarta.json.Json.createArrayBuilder(
                    realm.containsKey(list) ? realm.getJsonArray(list) : jakarta.json.JsonValue.EMPTY_JSON_ARRAY);
            if (demo.containsKey(list)) {
                demo.getJsonArray(list).forEach(all::add);
            }
            merged.add(list, all);
        }
        return merged.build().toString();
    }

    /** Unpacks the distribution once; later starts reuse it, and its first-start build. */
    private static void install(Path zip, Path home) throws IOException {
        if (Files.exists(home.resolve("bin/kc.sh"))) {
            return;
        }
        Path target = home.getParent();
        Files.createDirectories(target);
        String top = null;
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Zip entry outside the target: " + entry.getName());
                }
                if (top == null) {
                    top = entry.getName().split("/")[0];
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(entries, out, StandardCopyOption.REPLACE_EXISTING);
                    if (out.toString().endsWith(".sh")) {
                        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
        Path unpacked = target.resolve(top);
        if (!unpacked.equals(home)) {
            Files.move(unpacked, home);
        }
    }

    String realmUrl() {
        return "http://localhost:" + port + "/realms/kakehashi";
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(30));
    }
}
