package dev.kakehashi.testing;

import static dev.kakehashi.testing.Bids.api;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** Scenario steps for document control: register, revise, transmit, review. */
public final class Documents {

    public static final String SPEC = "{\"title\": {\"en\": \"Electrical specification\", \"ja\": \"電気仕様書\"}, \"discipline\": \"ELE\", \"type\": \"SPC\"}";

    private Documents() {
    }

    public static String register(String consortium, String token, String fileName, String content) {
        Http.Reply reply = Multipart.post(api("/consortia/" + consortium + "/documents"), token, SPEC, fileName, "application/pdf",
                content.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().getString("id");
    }

    public static void revise(String document, String token, String content) {
        Http.Reply reply = Multipart.post(api("/documents/" + document + "/revisions"), token, null, "next.pdf", "application/pdf",
                content.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    public static String transmittalJson(String purpose, String document, String revision, DemoCompany... recipients) {
        String to = Arrays.stream(recipients).map(c -> "\"" + c.alias() + "\"").collect(Collectors.joining(", "));
        return """
                {"recipients": [%s], "revisions": [{"documentId": "%s", "revision": "%s"}], "purpose": "%s",
                 "message": "Please review — 確認をお願いします", "dueAt": "%s"}""".formatted(to, document, revision, purpose, inDays(7));
    }

    public static Http.Reply transmit(String consortium, String token, String json) {
        return Http.postJson(api("/consortia/" + consortium + "/transmittals"), token, json);
    }

    /** Transmits one revision and returns the transmittal's id. */
    public static String transmitted(String consortium, String token, String document, String revision, DemoCompany... recipients) {
        Http.Reply reply = transmit(consortium, token, transmittalJson("FOR_REVIEW", document, revision, recipients));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().getString("id");
    }

    /** How many files the test server's blob directory holds (stored content, and uploads on their way in). */
    public static long blobFiles() {
        java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("kakehashi.blob.dir"));
        if (!java.nio.file.Files.exists(dir)) {
            return 0;
        }
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir)) {
            return files.filter(java.nio.file.Files::isRegularFile).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static String inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A review body: each step is an array of reviewer e-mails, due in 3, 6, … days. */
    public static String reviewJson(String revision, String[]... steps) {
        StringBuilder json = new StringBuilder("{\"revision\": \"" + revision + "\", \"steps\": [");
        for (int i = 0; i < steps.length; i++) {
            json.append(i == 0 ? "" : ", ").append("{\"reviewers\": [")
                    .append(Arrays.stream(steps[i]).map(e -> "\"" + e + "\"").collect(Collectors.joining(", ")))
                    .append("], \"dueAt\": \"").append(inDays(3 * (i + 1))).append("\"}");
        }
        return json.append("]}").toString();
    }

    public static Http.Reply startReview(String document, String token, String json) {
        return Http.postJson(api("/documents/" + document + "/reviews"), token, json);
    }

    public static Http.Reply decide(String review, String token, String decision, String comment) {
        String etag = Http.get(api("/reviews/" + review), token).header("ETag");
        return Http.call("POST", api("/reviews/" + review + "/decisions"), token,
                "{\"decision\": \"" + decision + "\"" + (comment == null ? "" : ", \"comment\": \"" + comment + "\"") + "}",
                etag == null ? Map.of() : Map.of("If-Match", etag));
    }
}
