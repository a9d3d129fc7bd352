package dev.kakehashi.platform.api;

import static dev.kakehashi.testing.Bids.api;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.Bids;
import dev.kakehashi.testing.DemoCompany;
import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.Documents;
import dev.kakehashi.testing.Http;
import dev.kakehashi.testing.Multipart;
import dev.kakehashi.testing.Sql;
import dev.kakehashi.testing.Tokens;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a client can send is bounded where it enters: bodies by size before they are read, decimals by scale
 * and magnitude before they are computed with, pages and ranges by what a number can hold. Each refusal is a
 * problem naming what is wrong, and changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RequestLimitsIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    private static String viewer() {
        return Tokens.user(DemoCompany.SAKURA_SHOJI, "viewer");
    }

    /** An endless body of JSON-looking bytes, of which the server should read at most its limit. */
    private static InputStream endless(long[] served) {
        return new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return served[0] == 1 ? '{' : 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                if (served[0] == 0 && len > 0) {
                    b[off] = '{';
                }
                served[0] += len;
                return len;
            }
        };
    }

    private static InputStream limited(InputStream in, long bytes) {
        return new java.io.FilterInputStream(in) {
            private long left = bytes;

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                if (left <= 0) {
                    return -1;
                }
                int read = super.read(b, off, (int) Math.min(len, left));
                left -= read;
                return read;
            }
        };
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aJsonBodyDeclaredLargerThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
        long t0 = System.nanoTime();
        assertRefusedBeforeItIsRead(HttpRequest.newBuilder(URI.create(api("/opportunities"))).header("Authorization", "Bearer " + viewer()),
                "application/json");
        assertThat((System.nanoTime() - t0) / 1_000_000).as("answered in ms").isLessThan(20_000);
    }

    @Test
    void aJsonBodyWithoutALengthIsCountedAndRefusedWhenItPassesTheLimit() throws Exception {
        String title = "Chunked " + UUID.randomUUID();
        String json = Bids.tenderJson(title).replace("\"EVN\"", "\"" + "E".repeat(2 * 1024 * 1024) + "\"");
        HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(api("/opportunities")))
                .header("Authorization", "Bearer " + Tokens.user(DemoCompany.SAKURA_SHOJI, "bid-manager"))
                .header("Content-Type", "application/json")
                // a publisher of unknown length: sent chunked, without Content-Length
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .build());

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("content-too-large");
        assertThat(Sql.count("select count(*) from opportunity where title = ?", title)).isZero();
    }

    /** Sends an endless body of the given type, declared 300 MB long, and says how the server ended it. */
    private static void assertRefusedBeforeItIsRead(HttpRequest.Builder request, String type) throws Exception {
        long[] served = new long[1];
        HttpResponse<String> refused;
        try {
            refused = send(request.header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> endless(served)), 300L * 1024 * 1024))
                    .build());
        } catch (java.io.IOException e) {
            // The server closed the connection once it had answered; the answer is then lost to this client
            assertThat(served[0]).as("the server stopped reading long before 300 MB").isLessThan(64L * 1024 * 1024);
            return;
        }
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("content-too-large");
        assertThat(served[0]).as("bytes the client got to send").isLessThan(64L * 1024 * 1024);
    }

    @Test
    void aPagesFormLargerThanAnyEndpointTakesIsRefusedBeforeSignInIsAskedFor() throws Exception {
        // Without a session the sign-in would answer 302, and the server read the rest of the body to throw it away
        assertRefusedBeforeItIsRead(HttpRequest.newBuilder(URI.create(dev.kakehashi.testing.TestStack.appUrl() + "/opportunities.xhtml")),
                "application/x-www-form-urlencoded");
    }

    @Test
    void anAnonymousApiBodyLargerThanAnyEndpointTakesIsRefusedBeforeTheTokenIsAskedFor() throws Exception {
        assertRefusedBeforeItIsRead(HttpRequest.newBuilder(URI.create(api("/opportunities"))), "application/json");
    }

    @Test
    void aSignedInPagesFormLargerThanTheFormLimitIsRefusedAndChangesNothing() {
        dev.kakehashi.testing.WebSession session = dev.kakehashi.testing.WebSession.signIn("bid-manager@sakura-shoji.example");
        String title = "Form limit " + UUID.randomUUID();
        // 300 KiB of fields: over the test server's form limit (256 KiB), under the limit before sign-in (2 MiB)
        String form = "title=" + java.net.URLEncoder.encode(title, StandardCharsets.UTF_8) + "&notes=" + "x".repeat(300 * 1024);

        HttpResponse<String> refused = session.post("/opportunities.xhtml", "application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofString(form));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(Sql.count("select count(*) from opportunity where title = ?", title)).isZero();
        // A form of an ordinary size still reaches the page
        assertThat(session.post("/opportunities.xhtml", "application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofString("a=b")).statusCode())
                .isNotIn(411, 413);
    }

    @Test
    void aFormOfUnknownLengthIsCountedAndCutOffWhenItPassesTheLimit() {
        dev.kakehashi.testing.WebSession session = dev.kakehashi.testing.WebSession.signIn("bid-manager@sakura-shoji.example");
        String title = "Chunked form " + UUID.randomUUID();
        byte[] form = ("title=" + java.net.URLEncoder.encode(title, StandardCharsets.UTF_8) + "&notes=" + "x".repeat(3 * 1024 * 1024))
                .getBytes(StandardCharsets.UTF_8);

        int status;
        try {
            // of unknown length: sent chunked, as a proxy that streams may forward it
            status = session.post("/opportunities.xhtml", "application/x-www-form-urlencoded",
                    HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(form))).statusCode();
        } catch (java.io.UncheckedIOException e) {
            status = -1; // the server ended the connection
        }

        assertThat(status).as("answer to a 3 MiB form").isNotEqualTo(200).isLessThan(500);
        assertThat(Sql.count("select count(*) from opportunity where title = ?", title)).isZero();
    }

    @Test
    void anUploadMayBeLargerThanAJsonBodyButNotLargerThanTheDocumentLimit() {
        // The test server: JSON bodies up to 256 KiB, documents up to 1 MiB
        String consortium = Bids.sakuraWithHanbit("Upload limits " + UUID.randomUUID())[1];
        String token = Tokens.user(DemoCompany.SAKURA_SHOJI, "contributor");
        byte[] underLimit = new byte[700_000];
        byte[] overLimit = new byte[1_048_577];
        String json = Bids.tenderJson("Too long").replace("\"EVN\"", "\"" + "E".repeat(300_000) + "\"");

        Http.Reply jsonRefused = Http.postJson(api("/opportunities"), Tokens.user(DemoCompany.SAKURA_SHOJI, "bid-manager"), json);
        assertThat(jsonRefused.status()).isEqualTo(413);
        Http.Reply accepted = Multipart.post(api("/consortia/" + consortium + "/documents"), token, Documents.SPEC, "big.pdf", "application/pdf",
                underLimit, Map.of());
        Http.Reply refused = Multipart.post(api("/consortia/" + consortium + "/documents"), token, Documents.SPEC, "too-big.pdf",
                "application/pdf", overLimit, Map.of());

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(refused.status()).isEqualTo(413);
    }

    @Test
    void whoMayNotReviseADocumentIsRefusedBeforeAByteOfTheUploadIsStored() throws Exception {
        String consortium = Bids.sakuraWithHanbit("Revision role " + UUID.randomUUID())[1];
        String document = Documents.register(consortium, Tokens.user(DemoCompany.SAKURA_SHOJI, "contributor"), "spec.pdf", "A");
        long blobsBefore = Documents.blobFiles();

        for (String[] caller : new String[][] {{"viewer", "403"}, {"other company", "404"}}) {
            String token = caller[0].equals("viewer") ? viewer() : Tokens.user(DemoCompany.HANBIT_ENC, "bid-manager");
            long[] served = new long[1];
            HttpResponse<String> refused;
            try {
                // No declared length (sent chunked), so that only who is asking can stop it before the body is read
                refused = send(HttpRequest.newBuilder(URI.create(api("/documents/" + document + "/revisions")))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=endless")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> limited(endless(served), 1024L * 1024 * 1024)))
                        .build());
            } catch (java.io.IOException e) {
                assertThat(served[0]).as(caller[0]).isLessThan(64L * 1024 * 1024);
                continue;
            }
            assertThat(refused.statusCode()).as(caller[0]).isEqualTo(Integer.parseInt(caller[1]));
            assertThat(served[0]).as(caller[0] + ": bytes sent before the answer").isLessThan(64L * 1024 * 1024);
        }
        assertThat(Documents.blobFiles()).as("nothing was stored").isEqualTo(blobsBefore);
        assertThat(Sql.count("select count(*) from document_revision r join document d on d.id = r.document_id where d.id = ?", document))
                .isEqualTo(1);
    }

    private static Http.Reply allocate(String consortium, String packages) {
        String token = Tokens.user(DemoCompany.SAKURA_SHOJI, "bid-manager");
        return Http.putJson(api("/consortia/" + consortium + "/allocation"), token, Bids.allocationJson(packages),
                Map.of("If-Match", Bids.etag("/consortia/" + consortium + "/allocation", token)));
    }

    private static JsonObject onlyError(Http.Reply reply) {
        assertThat(reply.json().getJsonArray("errors")).isNotEmpty();
        return reply.json().getJsonArray("errors").getJsonObject(0);
    }

    @Test
    void sharesOfTinyOrHugeExponentsAreRefusedByTheirScaleWithoutBeingComputed() {
        String consortium = Bids.sakuraWithHanbit("Shares " + UUID.randomUUID())[1];
        String raci = "{\"hanbit-enc\": \"R\", \"sakura-shoji\": \"A\"}";

        for (String[] bad : new String[][] {{"1e-600000000", "share-decimals"}, {"1e600000000", "share-between-0-and-100"},
                {"33.33333", "share-decimals"}, {"-5", "share-between-0-and-100"}, {"1e9", "share-between-0-and-100"}}) {
            long t0 = System.nanoTime();
            Http.Reply refused = allocate(consortium, Bids.pack("Gas turbine island", "hanbit-enc", bad[0], raci));
            assertThat(refused.status()).as(bad[0] + ": " + refused.body()).isEqualTo(422);
            assertThat(refused.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                    .as(bad[0]).anySatisfy(e -> {
                        assertThat(e.getString("field")).isEqualTo("packages[0].workShare");
                        assertThat(e.getString("rule")).isEqualTo(bad[1]);
                    });
            assertThat((System.nanoTime() - t0) / 1_000_000).as(bad[0] + " answered in ms").isLessThan(5_000);
        }
        Http.Reply fine = allocate(consortium, Bids.pack("Gas turbine island", "hanbit-enc", "45.1234", raci) + ","
                + Bids.pack("Civil and BOP", "hanbit-enc", "54.8766", "{\"hanbit-enc\": \"A\"}"));
        assertThat(fine.status()).as(fine.body()).isEqualTo(200);
        assertThat(Sql.count("select count(*) from allocation_version where consortium_id = ?", consortium)).isEqualTo(1);
    }

    @Test
    void moneyIsADecimalStringWithinTwentyDigitsAndTheCurrencysMinorUnitsNeverRounded() {
        String token = Tokens.user(DemoCompany.SAKURA_SHOJI, "bid-manager");
        String marker = "Money " + UUID.randomUUID();
        for (String[] bad : new String[][] {{"1800000000.005", "USD"}, {"100.5", "JPY"}, {"100.5", "VND"}, {"123456789012345678901", "USD"},
                {"-5", "USD"}, {"0", "USD"}, {"1e9", "USD"}, {"1e-600000000", "USD"}, {"12,5", "INR"}}) {
            String json = Bids.tenderJson(marker).replace("{\"amount\": \"1800000000\", \"currency\": \"USD\"}",
                    "{\"amount\": \"" + bad[0] + "\", \"currency\": \"" + bad[1] + "\"}");
            Http.Reply refused = Http.postJson(api("/opportunities"), token, json);
            assertThat(refused.status()).as(bad[0] + " " + bad[1]).isEqualTo(400);
            assertThat(onlyError(refused).getString("field")).as(bad[0]).isEqualTo("estimatedValue.amount");
        }
        assertThat(Sql.count("select count(*) from opportunity where title = ?", marker)).isZero();

        String yen = Bids.tenderJson(marker).replace("{\"amount\": \"1800000000\", \"currency\": \"USD\"}",
                "{\"amount\": \"250000000000\", \"currency\": \"JPY\"}");
        Http.Reply recorded = Http.postJson(api("/opportunities"), token, yen);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().getJsonObject("estimatedValue").getString("amount")).isEqualTo("250000000000");
    }

    @Test
    void pagesBeyondWhatAnOffsetHoldsAndPagesThatAreNoNumbersAreInvalidPagesEverywhere() {
        String token = Tokens.user(DemoCompany.SAKURA_SHOJI, "bid-manager");
        String qtp = "7b1e0000-0000-4000-8000-0000000000c1";
        for (String list : List.of("/consortia", "/consortia/" + qtp + "/audit", "/consortia/" + qtp + "/documents", "/invitations",
                "/opportunities", "/consortia/" + qtp + "/members", "/consortia/" + qtp + "/transmittals")) {
            for (String query : List.of("page=2147483647&size=200", "page=abc", "size=abc", "page=-1", "size=0")) {
                Http.Reply refused = Http.get(api(list + "?" + query), token);
                assertThat(refused.status()).as(list + "?" + query).isEqualTo(400);
                assertThat(refused.json().getString("type")).as(list + "?" + query).endsWith("/invalid-page");
            }
        }
        assertThat(Http.get(api("/consortia/" + qtp + "/allocation?version=abc"), token).status()).isEqualTo(400);
    }

    @Test
    void aRangeWithANumberBeyondAnyFileIsUnsatisfiableNotAnError() {
        String consortium = Bids.sakuraWithHanbit("Range " + UUID.randomUUID())[1];
        String token = Tokens.user(DemoCompany.SAKURA_SHOJI, "contributor");
        String document = Documents.register(consortium, token, "range.pdf", "0123456789");

        for (String range : List.of("bytes=99999999999999999999-", "bytes=0-99999999999999999999999", "bytes=-99999999999999999999",
                "bytes=20-30")) {
            Http.Reply reply = Http.send(HttpRequest.newBuilder(URI.create(api("/documents/" + document + "/revisions/A/content")))
                    .header("Authorization", "Bearer " + token).header("Range", range).GET());
            if (range.equals("bytes=0-99999999999999999999999")) {
                assertThat(reply.status()).as(range).isEqualTo(206);
                assertThat(reply.body()).isEqualTo("0123456789");
            } else if (range.equals("bytes=-99999999999999999999")) {
                assertThat(reply.status()).as(range).isEqualTo(206);
            } else {
                assertThat(reply.status()).as(range).isEqualTo(416);
                assertThat(reply.contentType()).startsWith("application/problem+json");
            }
        }
    }
}
