package dev.kakehashi.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The provisioned WildFly of target/ with the application deployed as ROOT.war, for a local run or as
 * one replica of several. It runs from its own server base directory so that it never collides with the
 * server the tests use.
 */
public final class WildFlyServer implements AutoCloseable {

    private final Process process;

    private WildFlyServer(Process process) {
        this.process = process;
    }

    static WildFlyServer start(Path jbossHome, String config, Path baseDir, Path war, int httpPort, int managementPort,
                               Map<String, String> environment, Path log) throws IOException {
        return start(jbossHome, config, baseDir, war, List.of("-Djboss.http.port=" + httpPort, "-Djboss.management.http.port=" + managementPort),
                managementPort, environment, log);
    }

    /**
     * One replica of a cluster: every port of the server shifted by {@code portOffset} (HTTP at 8080 + offset,
     * management at 9990 + offset), under its own node name, which replicas must not share.
     */
    public static WildFlyServer startReplica(Path jbossHome, String config, Path baseDir, Path war, int portOffset, String nodeName,
                                             Map<String, String> environment, Path log) throws IOException {
        return start(jbossHome, config, baseDir, war, List.of("-Djboss.socket.binding.port-offset=" + portOffset, "-Djboss.node.name=" + nodeName),
                9990 + portOffset, environment, log);
    }

    private static WildFlyServer start(Path jbossHome, String config, Path baseDir, Path war, List<String> properties, int managementPort,
                                       Map<String, String> environment, Path log) throws IOException {
        Processes.deleteTree(baseDir);
        copyTree(jbossHome.resolve("standalone/configuration"), baseDir.resolve("configuration"));
        Files.createDirectories(baseDir.resolve("deployments"));
        Files.copy(war, baseDir.resolve("deployments/ROOT.war"), StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(log.getParent());

        List<String> command = new ArrayList<>(List.of(jbossHome.resolve("bin/standalone.sh").toString(),
                "-c", config, "-Djboss.server.base.dir=" + baseDir));
        command.addAll(properties);
        ProcessBuilder builder = new ProcessBuilder(command)
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

    /** Ends the server at once, as a lost node ends: no shutdown, no goodbye to the cluster. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the server process still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(30));
    }
}
