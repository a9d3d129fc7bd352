package dev.kakehashi.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The provisioned WildFly of target/ with the application deployed as ROOT.war, for a local run.
 * It runs from its own server base directory so that it never collides with the server the tests use.
 */
final class WildFlyServer implements AutoCloseable {

    private final Process process;

    private WildFlyServer(Process process) {
        this.process = process;
    }

    static WildFlyServer start(Path jbossHome, String config, Path baseDir, Path war, int httpPort, int managementPort,
                               Map<String, String> environment, Path log) throws IOException {
        Processes.deleteTree(baseDir);
        copyTree(jbossHome.resolve("standalone/configuration"), baseDir.resolve("configuration"));
        Files.createDirectories(baseDir.resolve("deployments"));
        Files.copy(war, baseDir.resolve("deployments/ROOT.war"), StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(log.getParent());

        ProcessBuilder builder = new ProcessBuilder(List.of(jbossHome.resolve("bin/standalone.sh").toString(),
                "-c", config,
                "-Djboss.server.base.dir=" + baseDir,
                "-Djboss.http.port=" + httpPort,
                "-Djboss.management.http.port=" + managementPort))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        WildFlyServer server = new WildFlyServer(process);
        try {
            Path deployed = baseDir.resolve("deployments/ROOT.war.deployed");
            Path failed = baseDir.resolve("deployments/ROOT.war.failed");
            Processes.awaitHttp("WildFly", "http://localhost:" + managementPort + "/health/ready",
                    r -> {
                        if (Files.exists(failed)) {
                            throw new IllegalStateException("The application failed to deploy; see " + log + ":\n" + Processes.tail(log));
                        }
                        return r.statusCode() == 200 && Files.exists(deployed);
                    },
                    Duration.ofMinutes(3), process, log);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source));
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(30));
    }
}
