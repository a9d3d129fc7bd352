package dev.kakehashi.document;

import static dev.kakehashi.testing.Bids.api;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.Bids;
import dev.kakehashi.testing.Concurrently;
import dev.kakehashi.testing.DemoCompany;
import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.Http;
import dev.kakehashi.testing.Multipart;
import dev.kakehashi.testing.Sql;
import dev.kakehashi.testing.Tokens;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The document register: numbering, revisions never overwritten, streamed content, limits, and who may see it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DocumentApiIT {

    private static final String METADATA = "{\"title\": {\"en\": \"Electrical specification\", \"ja\": \"電気仕様書\"}, \"discipline\": \"ELE\", \"type\": \"SPC\"}";

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    private static String sakura() {
        return Tokens.user(DemoCompany.SAKURA_SHOJI, "contributor");
    }

    private static byte[] bytes(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return data;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static Http.Reply register(String consortium, String token, String metadata, String fileName, byte[] content) {
        return Multipart.post(api("/consortia/" + consortium + "/documents"), token, metadata, fileName, "application/pdf", content, Map.of());
    }

    private static HttpResponse<byte[]> download(String url, String token, String range) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (range != null) {
            request.header("Range", range);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static long blobFiles() {
        return dev.kakehashi.testing.Documents.blobFiles();
    }

    @Test
    void aDocumentIsNumberedFromTheSchemeAndKeepsItsJapaneseTitleAndFileName() throws Exception {
        String consortium = Bids.sakuraWithHanbit("Documents " + UUID.randomUUID())[1];
        String code = Http.get(api("/consortia/" + consortium), sakura()).json().getString("code");
        byte[] pdf = bytes(50_000);

        Http.Reply registered = register(consortium, sakura(), METADATA, "電気仕様書 rev A.pdf", pdf);

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        JsonObject document = registered.json();
        assertThat(document.getString("number")).isEqualTo(code + "-SKR-ELE-SPC-0001");
        assertThat(document.getString("revision")).isEqualTo("A");
        assertThat(document.getString("status")).isEqualTo("DRAFT");
        assertThat(document.getString("ownerCompany")).isEqualTo("sakura-shoji");
        assertThat(document.getJsonObject("title").getString("ja")).isEqualTo("電気仕様書");
        JsonObject revision = document.getJsonArray("revisions").getJsonObject(0);
        assertThat(revision.getString("fileName")).isEqualTo("電気仕様書 rev A.pdf");
        assertThat(revision.getString("sha256")).isEqualTo(sha256(pdf));
        assertThat(revision.getJsonNumber("size").longValue()).isEqualTo(50_000);

        HttpResponse<byte[]> file = download(api("/documents/" + document.getString("id") + "/revisions/A/content"), sakura(), null);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(pdf);
        assertThat(file.headers().firstValue("ETag")).contains("\"" + sha256(pdf) + "\"");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("filename*=UTF-8''%E9%9B%BB%E6%B0%97%E4%BB%95%E6%A7%98%E6%9B%B8%20rev%20A.pdf");
        assertThat(Sql.count("select count(*) from audit_event where subject_id = ? and action = 'document.downloaded'", document.getString("id")))
                .isEqualTo(1);
    }

    @RepeatedTest(3)
    void concurrentRegistrationsGetUniqueGapFreeNumbers() throws Exception {
        String consortium = Bids.sakuraWithHanbit("Numbering " + UUID.randomUUID())[1];
        String token = sakura();
        List<Callable<Http.Reply>> uploads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            byte[] content = ("drawing " + i).getBytes(StandardCharsets.UTF_8);
            uploads.add(() -> register(consortium, token, METADATA.replace("SPC", "DWG"), "drawing.pdf", content));
        }

        @SuppressWarnings("unchecked")
        List<Integer> statuses = Concurrently.statuses(uploads.toArray(Callable[]::new));

        assertThat(statuses).containsOnly(201);
        List<String> numbers = Http.get(api("/consortia/" + consortium + "/documents?type=DWG"), token).jsonArray()
                .getValuesAs(JsonObject.class).stream().map(d -> d.getString("number").replaceAll(".*-", "")).sorted().toList();
        assertThat(numbers).containsExactly("0001", "0002", "0003", "0004", "0005", "0006");
    }

    @Test
    void aTextFileWithoutACharsetComesBackLabelledAsItWasSentNotAsUsAscii() throws Exception {
        String consortium = Bids.sakuraWithHanbit("Text " + UUID.randomUUID())[1];
        byte[] text = "議事録 / 회의록: kick-off meeting\n".getBytes(StandardCharsets.UTF_8);
        Http.Reply registered = Multipart.post(api("/consortia/" + consortium + "/documents"), sakura(), METADATA, "minutes.txt", "text/plain",
                text, Map.of());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String id = registered.json().getString("id");

        HttpResponse<byte[]> file = download(api("/documents/" + id + "/revisions/A/content"), sakura(), null);

        assertThat(file.body()).isEqualTo(text);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(registered.json().getJsonArray("revisions").getJsonObject(0).getString("mediaType")).isEqualTo("text/plain");
    }

    @Test
    void aNewRevisionSupersedesTheLastAndNothingIsOverwritten() throws Exception {
        String consortium = Bids.sakuraWithHanbit("Revisions " + UUID.randomUUID())[1];
        String id = register(consortium, sakura(), METADATA, "spec.pdf", bytes(1000)).json().getString("id");
        byte[] revisionB = bytes(2000);

        Http.Reply revised = Multipart.post(api("/documents/" + id + "/revisions"), sakura(), null, "spec-B.pdf", "application/pdf", revisionB, Map.of());

        assertThat(revised.status()).as(revised.body()).isEqualTo(201);
        assertThat(revised.json().getString("revision")).isEqualTo("B");
        List<JsonObject> revisions = Http.get(api("/documents/" + id + "/revisions"), sakura()).jsonArray().getValuesAs(JsonObject.class);
        assertThat(revisions).extracting(r -> r.getString("revision") + ":" + r.getString("status")).containsExactly("A:SUPERSEDED", "B:CURRENT");
        assertThat(download(api("/documents/" + id + "/revisions/A/content"), sakura(), null).body()).isEqualTo(bytes(1000));
        assertThat(download(api("/documents/" + id + "/revisions/B/content"), sakura(), null).body()).isEqualTo(revisionB);
    }

    @Test
    void aRangeIsAnsweredWith206AndAnImpossibleOneWith416() throws Exception {
        String consortium = Bids.sakuraWithHanbit("Range " + UUID.randomUUID())[1];
        byte[] content = bytes(10_000);
        String url = api("/documents/" + register(consortium, sakura(), METADATA, "big.pdf", content).json().getString("id") + "/revisions/A/content");

        HttpResponse<byte[]> middle = download(url, sakura(), "bytes=100-199");
        HttpResponse<byte[]> tail = download(url, sakura(), "bytes=-10");
        HttpResponse<byte[]> beyond = download(url, sakura(), "bytes=20000-");

        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.headers().firstValue("Content-Range")).contains("bytes 100-199/10000");
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(content, 100, 200));
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(content, 9_990, 10_000));
        assertThat(beyond.statusCode()).isEqualTo(416);
    }

    @Test
    void aFileOverTheLimitIsRefusedAndLeavesNothingBehind() throws Exception {
        String consortium = Bids.sakuraWithHanbit("Limit " + UUID.randomUUID())[1];
        long blobsBefore = blobFiles();

        Http.Reply refused = register(consortium, sakura(), METADATA, "too-big.pdf", bytes(1_100_000));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().getString("type")).endsWith("/content-too-large");
        assertThat(Sql.count("select count(*) from document where consortium_id = ?", consortium)).isZero();
        assertThat(blobFiles()).isEqualTo(blobsBefore);
    }

    @Test
    void badMetadataIsRefusedByFieldAndStoresNothing() throws Exception {
        String consortium = Bids.sakuraWithHanbit("Bad metadata " + UUID.randomUUID())[1];
        long blobsBefore = blobFiles();

        Http.Reply refused = register(consortium, sakura(), "{\"discipline\": \"electrical\", \"type\": \"\"}", "x.pdf", bytes(10));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getJsonArray("errors").getValuesAs(JsonObject.class)).extracting(e -> e.getString("field"))
                .containsExactlyInAnyOrder("discipline", "type", "title");
        assertThat(blobFiles()).isEqualTo(blobsBefore);
    }

    @Test
    void aWithdrawnDocumentStaysInTheRegisterAndTakesNoNewRevision() {
        String consortium = Bids.sakuraWithHanbit("Withdraw " + UUID.randomUUID())[1];
        String id = register(consortium, sakura(), METADATA, "spec.pdf", bytes(100)).json().getString("id");

        assertThat(Bids.postIfMatch("/documents/" + id + "/withdraw", "/documents/" + id, sakura()).json().getString("status")).isEqualTo("WITHDRAWN");

        assertThat(Multipart.post(api("/documents/" + id + "/revisions"), sakura(), null, "spec-B.pdf", "application/pdf", bytes(100), Map.of()).status())
                .isEqualTo(422);
        assertThat(Http.get(api("/consortia/" + consortium + "/documents?status=WITHDRAWN"), sakura()).body()).contains(id);
        assertThat(Sql.count("select count(*) from document where id = ?", id)).isEqualTo(1);
    }

    @Test
    void noOtherCompanySeesOrTouchesADocumentBeforeItIsTransmitted() throws Exception {
        String consortium = Bids.sakuraWithHanbit("Document isolation " + UUID.randomUUID())[1];
        String invitation = Bids.invited(Tokens.user(DemoCompany.SAKURA_SHOJI, "bid-manager"), consortium, DemoCompany.MIRAE_EPC, "EQUIPMENT_SUPPLIER");
        String id = register(consortium, sakura(), METADATA, "spec.pdf", bytes(100)).json().getString("id");
        String fingerprint = Sql.rows("select concat_ws('|', version, status, current_revision) as f from document where id = ?", id).get(0).get("f")
                + "|" + Sql.count("select count(*) from document_revision where document_id = ?", id);

        for (String token : new String[] {Tokens.user(DemoCompany.HANBIT_ENC, "bid-manager"), Tokens.user(DemoCompany.TSUBASA_TRADING, "bid-manager"),
                Tokens.user(DemoCompany.MIRAE_EPC, "bid-manager")}) {
            assertThat(Http.get(api("/documents/" + id), token).status()).isEqualTo(404);
            assertThat(Http.get(api("/documents/" + id + "/revisions"), token).status()).isEqualTo(404);
            assertThat(download(api("/documents/" + id + "/revisions/A/content"), token, null).statusCode()).isEqualTo(404);
            assertThat(Multipart.post(api("/documents/" + id + "/revisions"), token, null, "evil.pdf", "application/pdf", bytes(10), Map.of()).status())
                    .isEqualTo(404);
            assertThat(Bids.post("/documents/" + id + "/withdraw", token).status()).isEqualTo(404);
        }
        // a member sees the register, but not another company's documents in it; outsiders and invited-only companies see no register
        assertThat(Http.get(api("/consortia/" + consortium + "/documents"), Tokens.user(DemoCompany.HANBIT_ENC, "viewer")).body()).doesNotContain(id);
        assertThat(Http.get(api("/consortia/" + consortium + "/documents"), Tokens.user(DemoCompany.TSUBASA_TRADING, "bid-manager")).status()).isEqualTo(404);
        assertThat(Http.get(api("/consortia/" + consortium + "/documents"), Tokens.user(DemoCompany.MIRAE_EPC, "bid-manager")).status()).isEqualTo(404);
        assertThat(register(consortium, Tokens.user(DemoCompany.MIRAE_EPC, "contributor"), METADATA, "x.pdf", bytes(10)).status()).isEqualTo(404);
        assertThat(register(consortium, Tokens.user(DemoCompany.HANBIT_ENC, "viewer"), METADATA, "x.pdf", bytes(10)).status()).isEqualTo(403);
        String after = Sql.rows("select concat_ws('|', version, status, current_revision) as f from document where id = ?", id).get(0).get("f")
                + "|" + Sql.count("select count(*) from document_revision where document_id = ?", id);
        assertThat(after).isEqualTo(fingerprint);
        assertThat(Sql.count("select count(*) from document where consortium_id = ?", consortium)).isEqualTo(1);
        assertThat(invitation).isNotBlank();
    }
}
