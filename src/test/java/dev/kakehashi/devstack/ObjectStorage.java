package dev.kakehashi.devstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real S3-compatible server (S3Proxy, from Maven Central, keeping objects in a directory) in its own
 * process, with AWS signature checks on, for the S3 blob store and the tests that run several replicas.
 */
public final class ObjectStorage implements AutoCloseable {

    public static final String ACCESS_KEY = "kakehashi";
    public static final String SECRET_KEY = "kakehashi-s3-secret";

    private final Process process;
    private final int port;

    private ObjectStorage(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static ObjectStorage start(Path jar, int port, Path dataDir, Path log) throws IOException {
        Processes.deleteTree(dataDir);
        Files.createDirectories(dataDir);
        Files.createDirectories(log.getParent());
        Path properties = dataDir.resolveSibling(dataDir.getFileName() + ".properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem-nio2",
                "jclouds.filesystem.basedir=" + dataDir) + "\n");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString(), "--properties", properties.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ObjectStorage storage = new ObjectStorage(process, port);
        try {
            // Unsigned requests are refused with 403: that is the server answering.
            Processes.awaitHttp("S3Proxy", storage.endpoint().toString(), r -> r.statusCode() == 403,
                    Duration.ofMinutes(1), process, log);
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
        return storage;
    }

    /** The server of this test run, started by {@link TestStackListener}. */
    public static ObjectStorage ofTestStack() {
        return TestStackListener.objectStorage();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(10));
    }
}
