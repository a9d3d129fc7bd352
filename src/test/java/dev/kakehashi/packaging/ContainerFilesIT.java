package dev.kakehashi.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.Command;
import dev.kakehashi.testing.Command.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/ checked by real tools that need no Docker engine (installed by src/test/scripts/ensure-packaging-tools.sh):
 * the compose file by docker-compose's own validation, the Dockerfile by dockerfile-utils, the shell scripts by
 * shellcheck; each tool shown to refuse a broken file, so that a pass means something.
 */
class ContainerFilesIT {

    private static final Path BASE = Path.of(System.getProperty("kakehashi.basedir", ".")).toAbsolutePath();
    private static final Path DOCKER = BASE.resolve("docker");

    private static Result run(Path directory, String... command) throws IOException, InterruptedException {
        return Command.runClean(directory, command);
    }

    private static String dockerfileUtils() {
        return Path.of(System.getProperty("kakehashi.tools.dir"), "node_modules/.bin/dockerfile-utils").toString();
    }

    @Test
    void theComposeFileIsValidAndStartsTheWholeSystemFromEnvironmentVariables() throws Exception {
        Result config = run(DOCKER, "docker-compose", "-f", "compose.yaml", "--env-file", ".env.example", "config");
        assertThat(config.exit()).as(config.output()).isZero();

        Map<String, Object> compose = new Yaml().load(config.output());
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsOnlyKeys("mariadb", "keycloak", "app", "mail");
        assertThat(services.get("mariadb").get("image")).isEqualTo("mariadb:11.4");
        assertThat(services.get("keycloak").get("image")).isEqualTo("quay.io/keycloak/keycloak:26.7.3");
        assertThat(String.valueOf(services.get("keycloak").get("command"))).contains("--import-realm");
        @SuppressWarnings("unchecked")
        Map<String, Object> app = (Map<String, Object>) services.get("app").get("environment");
        assertThat(app).containsEntry("KAKEHASHI_DB_PASSWORD", "change-me-kakehashi")
                .containsEntry("KAKEHASHI_DB_URL", "jdbc:mariadb://mariadb:3306/kakehashi")
                .containsEntry("KAKEHASHI_SMTP_HOST", "mail");
        assertThat(Files.readString(DOCKER.resolve("compose.yaml"))).as("no secret written into the compose file")
                .doesNotContain("change-me");
    }

    @Test
    void composeRefusesAMissingSecretAndAnUnknownKey() throws Exception {
        Path env = Files.createTempFile("kakehashi", ".env");
        Files.writeString(env, Files.readString(DOCKER.resolve(".env.example")).replaceAll("(?m)^KAKEHASHI_DB_PASSWORD=.*$", ""));
        Result missing = run(DOCKER, "docker-compose", "-f", "compose.yaml", "--env-file", env.toString(), "config", "-q");
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.output()).contains("KAKEHASHI_DB_PASSWORD");

        Path broken = DOCKER.resolve("compose.broken-test.yaml");
        try {
            Files.writeString(broken, Files.readString(DOCKER.resolve("compose.yaml")).replace("    restart: unless-stopped\n", "    restarts: unless-stopped\n"));
            Result unknown = run(DOCKER, "docker-compose", "-f", broken.getFileName().toString(), "--env-file", ".env.example", "config", "-q");
            assertThat(unknown.exit()).isNotZero();
            assertThat(unknown.output()).contains("restarts");
        } finally {
            Files.deleteIfExists(broken);
            Files.deleteIfExists(env);
        }
    }

    @Test
    void theDockerfileLintsCleanAndBuildsANonRootImageThatChecksReadiness() throws Exception {
        Result lint = run(BASE, dockerfileUtils(), "lint", "docker/Dockerfile");
        assertThat(lint.exit()).as(lint.output()).isZero();

        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        assertThat(dockerfile).containsPattern("(?m)^FROM .* AS build$")
                .containsPattern("(?m)^USER 10001:10001$")
                .contains("http://127.0.0.1:9990/health/ready")
                .contains("docker/image.cli");
        List<String> froms = new ArrayList<>(dockerfile.lines().filter(l -> l.startsWith("FROM ")).toList());
        assertThat(froms).hasSize(2);
    }

    @Test
    void theLinterRefusesABrokenDockerfile() throws Exception {
        Path broken = Files.createTempFile("Dockerfile", "");
        Files.writeString(broken, "FROM eclipse-temurin:17-jre\nHEALTHCHECK --interval=15s --retires=3 CMD true\nEXPOSE 8080/tpc\n");
        Result lint = run(BASE, dockerfileUtils(), "lint", broken.toString());
        Files.delete(broken);

        assertThat(lint.exit()).isNotZero();
        assertThat(lint.output()).contains("retires");
    }

    @Test
    void theShellScriptsPassShellcheck() throws Exception {
        Result check = run(BASE, "shellcheck", "docker/entrypoint.sh", "docker/mariadb-init/10-keycloak.sh", "ops/backup.sh",
                "ops/restore.sh", "src/test/scripts/ensure-chromium.sh", "src/test/scripts/ensure-packaging-tools.sh", "src/test/scripts/apt-install.sh",
                "src/test/scripts/benchmark-large-upload.sh");

        assertThat(check.exit()).as(check.output()).isZero();
    }
}
