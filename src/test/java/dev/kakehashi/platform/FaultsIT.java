package dev.kakehashi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.devstack.StandaloneDatabase;
import dev.kakehashi.devstack.WildFlyServer;
import dev.kakehashi.testing.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Kakehashi when what it depends on fails: a server of the production configuration on a database of
 * its own, which the test stalls (SIGSTOP) and restarts under a small load, and which is killed in the
 * middle of a large upload. Every request ends, within a few seconds, as an answer or as a 503 with
 * Retry-After, never a 500 or a hang; readiness says DOWN while the database is gone; service comes back by
 * itself; and an upload cut off by a crash leaves no document behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final Path HOME = Path.of(System.getProperty("kakehashi.basedir", ".")).resolve("target/faults");
    private static final int OFFSET = 700;
    private static final String APP = "http://127.0.0.1:" + (8080 + OFFSET);
    private static final String HEALTH = "http://127.0.0.1:" + (9990 + OFFSET) + "/health/ready";
    private static final String CONSORTIUM = "7b1e0000-0000-4000-8000-0000000000c1"; // the demo Quang Trach consortium
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private static StandaloneDatabase database;
    private static WildFlyServer server;
    /** Where the server is told Keycloak's admin API is: it accepts connections and never answers. */
    private static java.net.ServerSocket silentKeycloak;
    private static final List<java.net.Socket> held = Collections.synchronizedList(new ArrayList<>());
    private static final StringBuilder measured = new StringBuilder();

    /** One request of the load: what it answered, and how long it took (ms). */
    record Answer(int status, long millis, String contentType, String retryAfter, long at) {
    }

    @BeforeAll
    static void start() throws Exception {
        silentKeycloak = new java.net.ServerSocket(0);
        Thread accepting = new Thread(() -> {
            while (!silentKeycloak.isClosed()) {
                try {
                    held.add(silentKeycloak.accept());
                } catch (IOException e) {
                    return;
                }
            }
        }, "silent-keycloak");
        accepting.setDaemon(true);
        accepting.start();
        database = StandaloneDatabase.start(13417, HOME.resolve("mariadb"));
        server = startServer();
    }

    private static WildFlyServer startServer() {
        try {
            return WildFlyServer.startReplica(Path.of(System.getProperty("jboss.home")), System.getProperty("wildfly.config"),
                    HOME.resolve("server"), Path.of(System.getProperty("kakehashi.war")), OFFSET, "faults",
                    Map.ofEntries(
                            Map.entry("JAVA_OPTS", "-Xms128m -Xmx512m -Djava.net.preferIPv4Stack=true"),
                            Map.entry("KAKEHASHI_DB_URL", database.url()),
                            Map.entry("KAKEHASHI_CLUSTER_NAME", "kakehashi-faults-test"),
                            Map.entry("KAKEHASHI_PUBLIC_URL", APP),
                            Map.entry("KAKEHASHI_BLOB_STORE", "directory"),
                            Map.entry("KAKEHASHI_BLOB_DIR", HOME.resolve("blobs").toString()),
                            Map.entry("KAKEHASHI_DOCUMENTS_MAX_BYTES", Long.toString(512L * 1024 * 1024)),
                            Map.entry("KAKEHASHI_KEYCLOAK_URL", "http://127.0.0.1:" + silentKeycloak.getLocalPort()),
                            Map.entry("KAKEHASHI_KEYCLOAK_READ_TIMEOUT_MILLIS", "2000")),
                    HOME.resolve("server.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
        if (silentKeycloak != null) {
            silentKeycloak.close();
        }
        Files.writeString(Path.of(System.getProperty("kakehashi.basedir", "."), "target", "faults.txt"), measured);
        System.out.print("[kakehashi] faults:\n" + measured);
    }

    private static Answer ask(String token) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(APP + "/api/v1/opportunities?size=5"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), (System.nanoTime() - t0) / 1_000_000,
                    response.headers().firstValue("Content-Type").orElse(""), response.headers().firstValue("Retry-After").orElse(null),
                    System.currentTimeMillis());
        } catch (IOException e) {
            return new Answer(-1, (System.nanoTime() - t0) / 1_000_000, e.toString(), null, System.currentTimeMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-2, 0, "interrupted", null, System.currentTimeMillis());
        }
    }

    /** A small load (three clients in a loop) while {@code fault} runs; answers every answer. */
    private static List<Answer> underLoad(Runnable fault) throws Exception {
        String token = Tokens.user("viewer@sakura-shoji.example");
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(3);
        for (int i = 0; i < 3; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    answers.add(ask(token));
                    sleep(100);
                }
            });
        }
        try {
            fault.run();
        } finally {
            running.set(false);
            clients.shutdown();
            clients.awaitTermination(60, TimeUnit.SECONDS);
        }
        return List.copyOf(answers);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int readiness() {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(HEALTH)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -2;
        }
    }

    /** Millis until the API answers 200 again. */
    private static long untilServed(long since, Duration within) {
        String token = Tokens.user("viewer@sakura-shoji.example");
        long deadline = System.currentTimeMillis() + within.toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (ask(token).status() == 200) {
                return System.currentTimeMillis() - since;
            }
            sleep(200);
        }
        throw new AssertionError("The API did not answer 200 within " + within);
    }

    private static void assertBounded(List<Answer> answers, String phase) {
        assertThat(answers).as(phase + ": requests were made").hasSizeGreaterThan(10);
        assertThat(answers).as(phase + ": every request ended with an answer, 200 or 503").allSatisfy(a ->
                assertThat(a.status()).isIn(200, 503));
        assertThat(answers).filteredOn(a -> a.status() == 503).as(phase + ": 503s are problems that say when to come back")
                .allSatisfy(a -> {
                    assertThat(a.contentType()).startsWith("application/problem+json");
                    assertThat(a.retryAfter()).isNotNull();
                });
        long worst = answers.stream().mapToLong(Answer::millis).max().orElse(0);
        assertThat(worst).as(phase + ": the slowest answer, ms").isLessThan(12_000);
    }

    private static String summary(List<Answer> answers) {
        long ok = answers.stream().filter(a -> a.status() == 200).count();
        long unavailable = answers.stream().filter(a -> a.status() == 503).count();
        long[] latencies = answers.stream().filter(a -> a.status() == 503).mapToLong(Answer::millis).sorted().toArray();
        return "%d requests: %d × 200, %d × 503 (503 latency p50 %d ms, max %d ms)".formatted(answers.size(), ok, unavailable,
                latencies.length == 0 ? 0 : latencies[latencies.length / 2], latencies.length == 0 ? 0 : latencies[latencies.length - 1]);
    }

    @Test
    @Order(1)
    void aStalledDatabaseGivesPromptProblemsAndServiceResumesWhenItAnswersAgain() throws Exception {
        assertThat(readiness()).isEqualTo(200);
        long[] resumedAt = new long[1];
        int[] readinessWhileStalled = new int[1];
        long[] readinessMillis = new long[1];
        List<Answer> answers = underLoad(() -> {
            try {
                sleep(1500);
                database.pause();
                sleep(2000);
                long t0 = System.nanoTime();
                readinessWhileStalled[0] = readiness();
                readinessMillis[0] = (System.nanoTime() - t0) / 1_000_000;
                sleep(6000);
                database.resume();
                resumedAt[0] = System.currentTimeMillis();
                sleep(3000);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        long recovered = untilServed(resumedAt[0], Duration.ofSeconds(30));

        assertBounded(answers, "stalled");
        assertThat(answers).as("some requests met the stalled database").anyMatch(a -> a.status() == 503);
        assertThat(readinessWhileStalled[0]).as("readiness while stalled").isEqualTo(503);
        assertThat(readinessMillis[0]).as("readiness answered within, ms").isLessThan(4_000);
        assertThat(readiness()).isEqualTo(200);
        measured.append("database stalled (SIGSTOP) 8 s under load: %s; readiness DOWN in %d ms; served again %d ms after SIGCONT%n"
                .formatted(summary(answers), readinessMillis[0], recovered));
    }

    @Test
    @Order(2)
    void aRestartedDatabaseGivesProblemsWhileItIsDownAndServiceResumesAfterIt() throws Exception {
        long[] startedAt = new long[1];
        List<Answer> answers = underLoad(() -> {
            try {
                sleep(1500);
                database.stop();
                sleep(4000);
                database.startAgain();
                startedAt[0] = System.currentTimeMillis();
                sleep(3000);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long recovered = untilServed(startedAt[0], Duration.ofSeconds(30));

        assertBounded(answers, "restarted");
        assertThat(answers).as("some requests met the database while it was down").anyMatch(a -> a.status() == 503);
        measured.append("database restarted (down 4 s) under load: %s; served again %d ms after it was up%n".formatted(summary(answers), recovered));
    }

    @Test
    @Order(3)
    void aKeycloakAdminApiThatDoesNotAnswerGivesAPrompt503() throws Exception {
        String admin = Tokens.user("company-admin@sakura-shoji.example");
        long t0 = System.nanoTime();
        HttpResponse<String> users = CLIENT.send(HttpRequest.newBuilder(URI.create(APP + "/api/v1/company/users"))
                .header("Authorization", "Bearer " + admin).timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - t0) / 1_000_000;

        assertThat(users.statusCode()).isEqualTo(503);
        assertThat(users.body()).contains("identity-admin-unavailable");
        assertThat(millis).as("answered in ms").isLessThan(10_000);
        measured.append("Keycloak's admin API silent (connections accepted, never answered): 503 identity-admin-unavailable in %d ms%n"
                .formatted(millis));
    }

    @Test
    @Order(4)
    void anUploadCutOffByACrashOfTheServerLeavesNoDocumentBehind() throws Exception {
        String token = Tokens.user("contributor@sakura-shoji.example");
        String title = "Crash " + UUID.randomUUID();
        long objectsBefore = objects();
        String boundary = "crash-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"title\": {\"en\": \"" + title + "\"}, \"discipline\": \"ELE\", \"type\": \"SPC\"}\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"crash.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        long fileBytes = 300L * 1024 * 1024;
        long[] sent = new long[1];
        // 300 MB at about 30 MB/s: the server is killed a few seconds in, with most of the file still to come
        InputStream body = new InputStream() {
            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent[0] < head.length) {
                    int n = (int) Math.min(len, head.length - sent[0]);
                    System.arraycopy(head, (int) sent[0], b, off, n);
                    sent[0] += n;
                    return n;
                }
                if (sent[0] >= head.length + fileBytes) {
                    return -1;
                }
                int n = (int) Math.min(Math.min(len, 64 * 1024), head.length + fileBytes - sent[0]);
                java.util.Arrays.fill(b, off, off + n, (byte) 'k');
                sent[0] += n;
                sleep(2);
                return n;
            }
        };
        var upload = CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(APP + "/api/v1/consortia/" + CONSORTIUM + "/documents"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(), HttpResponse.BodyHandlers.ofString());
        long deadline = System.currentTimeMillis() + 30_000;
        while (sent[0] < 40L * 1024 * 1024 && System.currentTimeMillis() < deadline) {
            sleep(100);
        }
        assertThat(sent[0]).as("the upload was under way").isGreaterThan(40L * 1024 * 1024);
        server.kill();
        long sentWhenKilled = sent[0];
        assertThat(upload.handle((r, e) -> e != null || r.statusCode() >= 500).get(30, TimeUnit.SECONDS)).as("the upload did not succeed").isTrue();

        server = startServer();
        String contributor = Tokens.user("contributor@sakura-shoji.example");
        HttpResponse<String> register = CLIENT.send(HttpRequest.newBuilder(URI.create(APP + "/api/v1/consortia/" + CONSORTIUM + "/documents?size=200&q="
                        + java.net.URLEncoder.encode(title, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + contributor).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(register.statusCode()).isEqualTo(200);
        assertThat(register.body()).as("no half document in the register").isEqualTo("[]");
        assertThat(register.headers().firstValue("X-Total-Count")).contains("0");
        assertThat(objects()).as("no stored content of the cut-off upload").isEqualTo(objectsBefore);
        measured.append("server killed after %d MB of a 300 MB upload; after its restart the register holds no such document and the store no new object%n"
                .formatted(sentWhenKilled / (1024 * 1024)));
    }

    /** Content files the directory store holds in place (not uploads on their way in). */
    private static long objects() throws IOException {
        Path objects = HOME.resolve("blobs/objects");
        if (!Files.exists(objects)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(objects)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
