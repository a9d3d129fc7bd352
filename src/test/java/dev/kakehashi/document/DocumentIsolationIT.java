package dev.kakehashi.document;

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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cross-tenant matrix of document control. Sakura leads a consortium and transmits a document to
 * Hanbit, which reviews it. Mirae is an active member that received nothing; Tsubasa is only invited;
 * in a second consortium without them both are outsiders. To all of them the document, its
 * revisions, content, reviews and transmittal do not exist, in lists too, and nothing they try changes anything.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DocumentIsolationIT {

    private static String consortium;
    private static String document;
    private static String transmittal;
    private static String review;
    private static String number;
    private static String outsiderConsortium;
    private static String outsiderDocument;
    private static String outsiderTransmittal;
    private static String outsiderReview;

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    private static String sakura() {
        return Tokens.user(DemoCompany.SAKURA_SHOJI, "contributor");
    }

    @BeforeAll
    static void sakuraTransmitsToHanbitOnly() {
        String leader = Tokens.user(DemoCompany.SAKURA_SHOJI, "bid-manager");
        consortium = Bids.sakuraWithHanbit("Isolation " + UUID.randomUUID())[1];
        String mirae = Bids.invited(leader, consortium, DemoCompany.MIRAE_EPC, "EQUIPMENT_SUPPLIER");
        assertThat(Bids.answer(mirae, "accept", Tokens.user(DemoCompany.MIRAE_EPC, "bid-manager")).status()).isEqualTo(200);
        Bids.invited(leader, consortium, DemoCompany.TSUBASA_TRADING, "SPONSOR");
        document = Documents.register(consortium, sakura(), "仕様書.pdf", "secret A");
        number = Http.get(api("/documents/" + document), sakura()).json().getString("number");
        transmittal = Documents.transmitted(consortium, sakura(), document, "A", DemoCompany.HANBIT_ENC);
        review = Documents.startReview(document, sakura(), Documents.reviewJson("A", new String[] {"contributor@hanbit-enc.example"}))
                .json().getString("id");

        outsiderConsortium = Bids.sakuraWithHanbit("Isolation outsiders " + UUID.randomUUID())[1];
        outsiderDocument = Documents.register(outsiderConsortium, sakura(), "spec.pdf", "secret B");
        outsiderTransmittal = Documents.transmitted(outsiderConsortium, sakura(), outsiderDocument, "A", DemoCompany.HANBIT_ENC);
        outsiderReview = Documents.startReview(outsiderDocument, sakura(), Documents.reviewJson("A", new String[] {"contributor@hanbit-enc.example"}))
                .json().getString("id");
    }

    private static String state() {
        return Sql.rows("select concat_ws('|', d.version, d.status, d.current_revision, t.version, r.version, r.status) as s from document d, transmittal t, review r "
                        + "where d.id = ? and t.id = ? and r.id = ?", document, transmittal, review).get(0).get("s")
                + "|" + Sql.count("select count(*) from document_revision where document_id in (?, ?)", document, outsiderDocument)
                + "|" + Sql.count("select count(*) from review_assignment where decision is not null and step_id in (select id from review_step where review_id in (?, ?))",
                review, outsiderReview)
                + "|" + Sql.count("select count(*) from transmittal_recipient where acknowledged_at is not null and transmittal_id in (?, ?)", transmittal, outsiderTransmittal);
    }

    /** Every read and write on one company's view of the document, its revisions, reviews and transmittal: all 404. */
    private static void seesNothingOf(String token, String document, String transmittal, String review) {
        List<String> paths = List.of("/documents/" + document, "/documents/" + document + "/revisions", "/documents/" + document + "/revisions/A/content",
                "/documents/" + document + "/reviews", "/reviews/" + review, "/transmittals/" + transmittal);
        for (String path : paths) {
            Http.Reply reply = Http.get(api(path), token);
            assertThat(reply.status()).as("GET " + path).isEqualTo(404);
            assertThat(reply.body()).as("GET " + path).doesNotContain("secret").doesNotContain(number);
        }
        assertThat(Bids.post("/transmittals/" + transmittal + "/acknowledge", token).status()).isEqualTo(404);
        assertThat(Documents.decide(review, token, "RETURN", "no").status()).isEqualTo(404);
        assertThat(Http.call("POST", api("/reviews/" + review + "/decisions"), token, "{\"decision\": \"APPROVE\"}", Map.of("If-Match", "\"0\"")).status())
                .isEqualTo(404);
        assertThat(Documents.startReview(document, token, Documents.reviewJson("A", new String[] {"contributor@hanbit-enc.example"})).status()).isEqualTo(404);
        assertThat(Bids.post("/documents/" + document + "/withdraw", token).status()).isEqualTo(404);
        assertThat(Multipart.post(api("/documents/" + document + "/revisions"), token, null, "evil.pdf", "application/pdf",
                "evil".getBytes(StandardCharsets.UTF_8), Map.of()).status()).isEqualTo(404);
        assertThat(Http.get(api("/me/tasks"), token).body()).doesNotContain(transmittal).doesNotContain(review);
    }

    @Test
    void aMemberThatReceivedNothingSeesNothingOfIt() {
        String before = state();
        List<String> tokens = new ArrayList<>(List.of(Tokens.user(DemoCompany.MIRAE_EPC, "bid-manager"), Tokens.user(DemoCompany.MIRAE_EPC, "contributor"),
                Tokens.erp(DemoCompany.MIRAE_EPC)));
        for (String token : tokens) {
            seesNothingOf(token, document, transmittal, review);
            Http.Reply register = Http.get(api("/consortia/" + consortium + "/documents"), token);
            assertThat(register.status()).isEqualTo(200);
            assertThat(register.body()).doesNotContain(document).doesNotContain(number);
            assertThat(register.header("X-Total-Count")).isEqualTo("0");
            Http.Reply transmittals = Http.get(api("/consortia/" + consortium + "/transmittals"), token);
            assertThat(transmittals.status()).isEqualTo(200);
            assertThat(transmittals.body()).doesNotContain(transmittal);
            assertThat(Http.get(api("/consortia/" + consortium + "/audit?size=200"), token).body()).doesNotContain(number).doesNotContain(document);
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void anInvitedOnlyCompanySeesNothingOfIt() {
        String before = state();
        for (String token : List.of(Tokens.user(DemoCompany.TSUBASA_TRADING, "bid-manager"), Tokens.erp(DemoCompany.TSUBASA_TRADING))) {
            seesNothingOf(token, document, transmittal, review);
            assertThat(Http.get(api("/consortia/" + consortium + "/documents"), token).status()).isEqualTo(404);
            assertThat(Http.get(api("/consortia/" + consortium + "/transmittals"), token).status()).isEqualTo(404);
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aNonMemberCompanySeesNothingOfIt() {
        String before = state();
        for (DemoCompany outsider : List.of(DemoCompany.MIRAE_EPC, DemoCompany.TSUBASA_TRADING)) {
            String token = Tokens.user(outsider, "bid-manager");
            seesNothingOf(token, outsiderDocument, outsiderTransmittal, outsiderReview);
            assertThat(Http.get(api("/consortia/" + outsiderConsortium + "/documents"), token).status()).isEqualTo(404);
            assertThat(Http.get(api("/consortia/" + outsiderConsortium + "/transmittals"), token).status()).isEqualTo(404);
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void theRecipientSeesItAndEvenItsViewerCanReadButNotAct() {
        String viewer = Tokens.user(DemoCompany.HANBIT_ENC, "viewer");
        assertThat(Http.get(api("/documents/" + document), viewer).status()).isEqualTo(200);
        assertThat(Http.get(api("/documents/" + document + "/revisions/A/content"), viewer).body()).isEqualTo("secret A");
        assertThat(Http.get(api("/reviews/" + review), viewer).status()).isEqualTo(200);
        assertThat(Http.get(api("/transmittals/" + transmittal), viewer).status()).isEqualTo(200);
        String before = state();
        assertThat(Bids.post("/transmittals/" + transmittal + "/acknowledge", viewer).status()).isEqualTo(403);
        assertThat(Documents.decide(review, viewer, "APPROVE", null).status()).isEqualTo(403);
        assertThat(Bids.post("/documents/" + document + "/withdraw", Tokens.user(DemoCompany.HANBIT_ENC, "bid-manager")).status()).isEqualTo(404);
        assertThat(state()).isEqualTo(before);
    }
}
