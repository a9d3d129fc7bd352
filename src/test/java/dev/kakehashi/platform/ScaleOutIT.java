package dev.kakehashi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kakehashi.devstack.ObjectStorage;
import dev.kakehashi.devstack.WildFlyServer;
import dev.kakehashi.testing.Browser;
import dev.kakehashi.testing.BrowserTest;
import dev.kakehashi.testing.Documents;
import dev.kakehashi.testing.Http;
import dev.kakehashi.testing.KeycloakAdmin;
import dev.kakehashi.testing.LoadBalancer;
import dev.kakehashi.testing.Multipart;
import dev.kakehashi.testing.Tokens;
import jakarta.json.JsonArray;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Two replicas of the production server configuration (WildFly configured by kakehashi.cli, the same WAR)
 * against one database, one Keycloak and one S3-compatible blob store, behind a load balancer that the test
 * steers. A signed-in browser session, with its Faces view state, moves from one replica to the other, and
 * survives the first replica being stopped; content uploaded through one replica is read through the other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT extends BrowserTest {

    private static final int A = 0;
    private static final int B = 1;
    private static final String CONSORTIUM = "7b1e0000-0000-4000-8000-0000000000c1"; // the demo Quang Trach consortium
    // Demo tenders by id (other tests record tenders of the same titles): Vietnam and bidding; India and identified
    private static final By QUANG_TRACH = By.cssSelector("#list a[href*='7b1e0000-0000-4000-8000-000000000001']");
    private static final By GUJARAT = By.cssSelector("#list a[href*='7b1e0000-0000-4000-8000-000000000002']");

    private static final List<WildFlyServer> replicas = new ArrayList<>();
    /** Requests per minute per client on the replicas: low enough to reach in a test, high enough for the others here. */
    private static final int RATE_LIMIT = 300;
    private static LoadBalancer balancer;
    private static JsonArray redirectUrisBefore;
    private static final StringBuilder measured = new StringBuilder();
    private static final Path SCALE_OUT = Path.of(System.getProperty("kakehashi.basedir", ".")).resolve("target/scale-out");

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        List<URI> addresses = List.of(URI.create("http://127.0.0.1:8580"), URI.create("http://127.0.0.1:8680"));
        balancer = LoadBalancer.start(addresses);
        redirectUrisBefore = KeycloakAdmin.addRedirectUri("kakehashi-web", balancer.url() + "/*");

        // One after the other, as a rolling update brings replicas: the second finds the first through the
        // database. (Two that start at the same instant may each form a cluster of one until JGroups merges
        // them; see docs/operations.md.)
        long started = System.nanoTime();
        replicas.add(replica("replica-a", 500));
        long first = System.nanoTime();
        replicas.add(replica("replica-b", 600));
        long second = System.nanoTime();
        measured.append("replica A up in %d ms, replica B up and joined in %d ms%n".formatted((first - started) / 1_000_000,
                (second - first) / 1_000_000));
    }

    private static WildFlyServer replica(String name, int portOffset) {
        try {
            return WildFlyServer.startReplica(Path.of(System.getProperty("jboss.home")), System.getProperty("wildfly.config"),
                    SCALE_OUT.resolve(name), Path.of(System.getProperty("kakehashi.war")), portOffset, name,
                    Map.ofEntries(
                            Map.entry("JAVA_OPTS", "-Xms128m -Xmx512m -Djava.net.preferIPv4Stack=true"),
                            Map.entry("KAKEHASHI_PUBLIC_URL", balancer.url()),
                            Map.entry("KAKEHASHI_PROXY_ADDRESS_FORWARDING", "true"),
                            Map.entry("KAKEHASHI_CLUSTER_NAME", "kakehashi-scale-out-test"),
                            Map.entry("KAKEHASHI_BLOB_STORE", "s3"),
                            Map.entry("KAKEHASHI_BLOB_S3_ENDPOINT", ObjectStorage.ofTestStack().endpoint().toString()),
                            Map.entry("KAKEHASHI_BLOB_S3_BUCKET", "kakehashi-scale-out"),
                            Map.entry("KAKEHASHI_BLOB_S3_ACCESS_KEY", ObjectStorage.ACCESS_KEY),
                            Map.entry("KAKEHASHI_BLOB_S3_SECRET_KEY", ObjectStorage.SECRET_KEY),
                            Map.entry("KAKEHASHI_BLOB_S3_CREATE_BUCKET", "true"),
                            Map.entry("KAKEHASHI_DOCUMENTS_MAX_BYTES", Integer.toString(64 * 1024 * 1024)),
                            Map.entry("KAKEHASHI_API_RATE_LIMIT", Integer.toString(RATE_LIMIT))),
                    SCALE_OUT.resolve(name + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopReplicas() throws IOException {
        replicas.forEach(WildFlyServer::close);
        if (balancer != null) {
            balancer.close();
        }
        if (redirectUrisBefore != null) {
            KeycloakAdmin.setRedirectUris("kakehashi-web", redirectUrisBefore);
        }
        Path report = Path.of(System.getProperty("kakehashi.basedir", "."), "target", "scale-out.txt");
        Files.writeString(report, measured);
        System.out.print("[kakehashi] scale-out:\n" + measured);
    }

    /** The session id without the replica's route suffix (jvmRoute), which changes with the replica that answers. */
    private String sessionId() {
        String cookie = browser.manage().getCookieNamed("JSESSIONID").getValue();
        return cookie.contains(".") ? cookie.substring(0, cookie.indexOf('.')) : cookie;
    }

    @Test
    @Order(1)
    void bothReplicasFormOneClusterAndAreReady() {
        for (int port : new int[] {10490, 10590}) {
            // What the Helm chart's probes ask
            assertThat(Http.get("http://127.0.0.1:" + port + "/health/started", null).status()).isEqualTo(200);
            assertThat(Http.get("http://127.0.0.1:" + port + "/health/live", null).status()).isEqualTo(200);
            Http.Reply health = Http.get("http://127.0.0.1:" + port + "/health/ready", null);
            assertThat(health.status()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"blob-store\"").contains("\"database\"");
        }
        assertThat(replicas).allMatch(WildFlyServer::isAlive);
        assertThat(log("replica-b")).as("replica B joined replica A's cluster")
                .containsPattern("'replica-b' joined cluster 'kakehashi-scale-out-test' with view: .*\\(2\\) \\[replica-a.*, replica-b");
    }

    private static String log(String replica) {
        try {
            return Files.readString(SCALE_OUT.resolve(replica + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @Order(2)
    void contentUploadedThroughOneReplicaIsReadThroughTheOther() throws Exception {
        byte[] content = new byte[12 * 1024 * 1024 + 17]; // more than one part of the S3 upload
        new Random(6).nextBytes(content);
        String token = Tokens.user("bid-manager@sakura-shoji.example");

        balancer.sendTo(A);
        long servedByB = balancer.served(B);
        Http.Reply registered = Multipart.post(balancer.url() + "/api/v1/consortia/" + CONSORTIUM + "/documents", token, Documents.SPEC,
                "配管図 scale-out.pdf", "application/pdf", content, Map.of());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(balancer.served(B)).isEqualTo(servedByB);
        String document = registered.json().getString("id");

        balancer.sendTo(B);
        long t0 = System.nanoTime();
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(balancer.url() + "/api/v1/documents/" + document + "/revisions/A/content"))
                        .header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        long readMillis = (System.nanoTime() - t0) / 1_000_000;

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(balancer.served(B)).isEqualTo(servedByB + 1);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.body())))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        measured.append("12 MiB uploaded through replica A, read back through replica B in %d ms, SHA-256 identical%n".formatted(readMillis));
    }

    @Test
    @Order(3)
    void oneRateLimitHoldsForAClientWhicheverReplicaAnswers() throws Exception {
        // Well inside one minute's window, so that the count does not start again halfway
        while (java.time.LocalTime.now(java.time.ZoneOffset.UTC).getSecond() > 40) {
            Thread.sleep(1000);
        }
        String token = Tokens.user("viewer@mirae-epc.example");
        String[] replica = {"http://127.0.0.1:8580", "http://127.0.0.1:8680"};
        // A client of its own: the shared one would keep a connection to replica A that outlives A (test 4)
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> refused = null;
        int served = 0;
        int[] byReplica = new int[2];
        for (int n = 0; n < 2 * RATE_LIMIT && refused == null; n++) {
            HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create(replica[n % 2] + "/api/v1/me"))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() == 429) {
                refused = reply;
            } else {
                assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
                assertThat(reply.headers().firstValue("RateLimit-Policy")).hasValue("\"per-client\";q=" + RATE_LIMIT + ";w=60");
                served++;
                byReplica[n % 2]++;
            }
        }
        measured.append("rate limit %d/min: %d requests served (%d by A, %d by B) before 429%n".formatted(RATE_LIMIT, served, byReplica[0], byReplica[1]));
        // Counted in one place: with a count per replica, each would have served RATE_LIMIT
        assertThat(refused).as("a 429 within the limit of both replicas together").isNotNull();
        assertThat(served).isLessThanOrEqualTo(RATE_LIMIT);
        assertThat(byReplica[0]).isLessThan(RATE_LIMIT);
        assertThat(byReplica[1]).isLessThan(RATE_LIMIT);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"type\":\"https://kakehashi.dev/problems/rate-limited\"");
        assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
        assertThat(refused.headers().firstValue("RateLimit").orElseThrow()).matches("\"per-client\";r=0;t=\\d+");
    }

    @Test
    @Order(4)
    void aSignedInSessionAndItsViewStateMoveToTheOtherReplicaAndOutliveTheFirst() {
        balancer.sendTo(A);
        // English, whatever another test chose for this person (the filters are picked by their English labels)
        dev.kakehashi.testing.Me.setPreferences(balancer.url() + "/api/v1", Tokens.user("bid-manager@sakura-shoji.example"), "en", "Asia/Tokyo");
        Browser.signIn(browser, balancer.url(), "bid-manager@sakura-shoji.example", By.id("welcome"));
        assertThat(browser.findElement(By.id("welcome")).getText()).isEqualTo("Welcome, Haruka Sato");
        String session = sessionId();
        long servedByB = balancer.served(B);

        // On replica A: the tender list, filtered to Vietnam (state of a view-scoped bean, and Faces view state)
        browser.get(balancer.url() + "/opportunities.xhtml");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("list")));
        Browser.choose(browser, "filters:country", "Vietnam");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(GUJARAT));
        assertThat(browser.findElements(QUANG_TRACH)).hasSize(1);
        assertThat(balancer.served(B)).as("replica B has served nothing yet").isEqualTo(servedByB);

        // The next request lands on replica B: a postback of the view replica A rendered. The stage filter is
        // applied on top of the country filter only if B knows the view and its bean, and the person.
        balancer.sendTo(B);
        long t0 = System.nanoTime();
        Browser.choose(browser, "filters:stage", "Identified");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(QUANG_TRACH));
        long switchMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(balancer.served(B)).as("replica B served the postback").isGreaterThan(servedByB);
        assertThat(browser.findElements(GUJARAT)).as("Vietnam still chosen: Gujarat (India, identified) stays out").isEmpty();
        assertThat(browser.getCurrentUrl()).startsWith(balancer.url());
        assertThat(sessionId()).as("the same session, not a new sign-in").isEqualTo(session);
        measured.append("postback of a view rendered by A answered by B in %d ms (first request on B)%n".formatted(switchMillis));

        // Replica A is lost (killed, no shutdown): the person stays signed in on B, in the same session.
        replicas.get(A).kill();
        assertThat(replicas.get(A).isAlive()).isFalse();
        assertThatThrownBy(() -> Http.get("http://127.0.0.1:8580/", null)).as("nothing answers at replica A")
                .hasCauseInstanceOf(java.net.ConnectException.class);
        long t2 = System.nanoTime();
        browser.get(balancer.url() + "/consortia.xhtml");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signedInAs")));
        long afterStopMillis = (System.nanoTime() - t2) / 1_000_000;
        assertThat(browser.getCurrentUrl()).startsWith(balancer.url() + "/consortia.xhtml");
        assertThat(browser.findElement(By.id("signedInAs")).getText()).isEqualTo("Haruka Sato");
        assertThat(browser.findElement(By.id("signedInCompany")).getText()).isEqualTo("Sakura Shoji Corporation");
        assertThat(sessionId()).as("the same session, not a new sign-in").isEqualTo(session);
        Browser.screenshot(browser, "scale-out-on-replica-b");
        measured.append("replica A killed; the next page on B, same session, still signed in, in %d ms%n".formatted(afterStopMillis));
        measured.append("requests served: A %d, B %d%n".formatted(balancer.served(A), balancer.served(B)));
    }
}
