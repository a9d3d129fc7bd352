package dev.kakehashi.document;

import static dev.kakehashi.testing.Bids.api;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.Bids;
import dev.kakehashi.testing.DemoCompany;
import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.Documents;
import dev.kakehashi.testing.Http;
import dev.kakehashi.testing.Mailbox;
import dev.kakehashi.testing.Sql;
import dev.kakehashi.testing.Tokens;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Transmittals: numbered, they make exactly the sent revisions visible to the recipients, who acknowledge. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TransmittalApiIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    private static String sakura() {
        return Tokens.user(DemoCompany.SAKURA_SHOJI, "contributor");
    }

    private static String hanbit() {
        return Tokens.user(DemoCompany.HANBIT_ENC, "bid-manager");
    }

    @Test
    void transmittalsAreNumberedPerConsortiumInOrder() {
        String consortium = Bids.sakuraWithHanbit("Transmittal numbers " + UUID.randomUUID())[1];
        String code = Http.get(api("/consortia/" + consortium), sakura()).json().getString("code");
        String document = Documents.register(consortium, sakura(), "spec.pdf", "A");

        Http.Reply first = Documents.transmit(consortium, sakura(), Documents.transmittalJson("FOR_INFORMATION", document, "A", DemoCompany.HANBIT_ENC));
        Http.Reply second = Documents.transmit(consortium, sakura(), Documents.transmittalJson("FOR_REVIEW", document, "A", DemoCompany.HANBIT_ENC));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().getString("number")).isEqualTo(code + "-TR-00001");
        assertThat(second.json().getString("number")).isEqualTo(code + "-TR-00002");
        assertThat(first.header("Location")).endsWith("/api/v1/transmittals/" + first.json().getString("id"));
        JsonObject view = first.json();
        assertThat(view.getString("sender")).isEqualTo("sakura-shoji");
        assertThat(view.getString("purpose")).isEqualTo("FOR_INFORMATION");
        assertThat(view.getJsonArray("revisions").getJsonObject(0).getString("revision")).isEqualTo("A");
        assertThat(view.getJsonArray("recipients").getJsonObject(0).getString("company")).isEqualTo("hanbit-enc");
        assertThat(view.getJsonArray("recipients").getJsonObject(0).getBoolean("acknowledged")).isFalse();
    }

    @Test
    void recipientsSeeExactlyTheTransmittedRevisions() {
        String consortium = Bids.sakuraWithHanbit("Transmitted revisions " + UUID.randomUUID())[1];
        String document = Documents.register(consortium, sakura(), "spec.pdf", "revision A");
        Documents.revise(document, sakura(), "revision B");
        Documents.revise(document, sakura(), "revision C");
        assertThat(Http.get(api("/documents/" + document), hanbit()).status()).isEqualTo(404);

        Documents.transmitted(consortium, sakura(), document, "B", DemoCompany.HANBIT_ENC);

        JsonObject seen = Http.get(api("/documents/" + document), hanbit()).json();
        assertThat(seen.getString("revision")).isEqualTo("B");
        assertThat(seen.getBoolean("owned")).isFalse();
        assertThat(seen.containsKey("status")).as("the owner's current revision C is not the recipient's").isFalse();
        assertThat(seen.getJsonArray("revisions").getValuesAs(JsonObject.class)).extracting(r -> r.getString("revision")).containsExactly("B");
        assertThat(Http.get(api("/documents/" + document + "/revisions/B/content"), hanbit()).body()).isEqualTo("revision B");
        assertThat(Http.get(api("/documents/" + document + "/revisions/A/content"), hanbit()).status()).isEqualTo(404);
        assertThat(Http.get(api("/documents/" + document + "/revisions/C/content"), hanbit()).status()).isEqualTo(404);
        assertThat(Http.get(api("/consortia/" + consortium + "/documents?owner=sakura-shoji"), hanbit()).jsonArray()).hasSize(1);
        assertThat(Http.get(api("/consortia/" + consortium + "/documents?owner=hanbit-enc"), hanbit()).jsonArray()).isEmpty();
        // the recipient's download is audited for the recipient's company
        assertThat(Sql.count("select count(*) from audit_event where subject_id = ? and action = 'document.downloaded' and company_alias = 'hanbit-enc'",
                document)).isEqualTo(1);
    }

    @Test
    void aRecipientAcknowledgesOnceAndTheSenderSeesWhoAcknowledged() {
        String consortium = Bids.sakuraWithHanbit("Acknowledge " + UUID.randomUUID())[1];
        String document = Documents.register(consortium, sakura(), "spec.pdf", "A");
        String transmittal = Documents.transmitted(consortium, sakura(), document, "A", DemoCompany.HANBIT_ENC);
        assertThat(Http.get(api("/me/tasks"), hanbit()).body()).contains(transmittal);

        Http.Reply senderTries = Bids.post("/transmittals/" + transmittal + "/acknowledge", sakura());
        Http.Reply blind = Bids.post("/transmittals/" + transmittal + "/acknowledge", Tokens.user(DemoCompany.HANBIT_ENC, "contributor"));
        Http.Reply acknowledged = Bids.postIfMatch("/transmittals/" + transmittal + "/acknowledge", "/transmittals/" + transmittal,
                Tokens.user(DemoCompany.HANBIT_ENC, "contributor"));
        Http.Reply again = Bids.postIfMatch("/transmittals/" + transmittal + "/acknowledge", "/transmittals/" + transmittal, hanbit());

        assertThat(senderTries.status()).isEqualTo(422);
        assertThat(blind.status()).isEqualTo(428);
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(422);
        JsonObject recipient = Http.get(api("/transmittals/" + transmittal), sakura()).json().getJsonArray("recipients").getJsonObject(0);
        assertThat(recipient.getBoolean("acknowledged")).isTrue();
        assertThat(recipient.getJsonObject("acknowledgedBy").getString("email")).isEqualTo("contributor@hanbit-enc.example");
        assertThat(Http.get(api("/me/tasks"), hanbit()).body()).doesNotContain(transmittal);
        assertThat(Sql.count("select count(*) from audit_event where subject_id = ? and action = 'transmittal.acknowledged'", transmittal)).isEqualTo(1);
    }

    @Test
    void theRecipientsAreToldByEmail() {
        String consortium = Bids.sakuraWithHanbit("Transmittal mail " + UUID.randomUUID())[1];
        String document = Documents.register(consortium, sakura(), "spec.pdf", "A");

        String number = Http.get(api("/transmittals/" + Documents.transmitted(consortium, sakura(), document, "A", DemoCompany.HANBIT_ENC)), sakura())
                .json().getString("number");

        Mailbox.Mail mail = Mailbox.awaitMessage("bid-manager@hanbit-enc.example", number);
        assertThat(mail.body()).contains("Sakura Shoji").contains("確認をお願いします");
        assertThat(Mailbox.countTo("viewer@hanbit-enc.example", number)).as("viewers are not asked to act").isZero();
        assertThat(Mailbox.countTo("bid-manager@sakura-shoji.example", number)).as("the sender is not told").isZero();
    }

    @Test
    void sendingWhatIsNotMineOrToWhoIsNotAMemberIsRefusedAndChangesNothing() {
        String consortium = Bids.sakuraWithHanbit("Transmittal rules " + UUID.randomUUID())[1];
        String mine = Documents.register(consortium, sakura(), "spec.pdf", "A");
        String hanbits = Documents.register(consortium, Tokens.user(DemoCompany.HANBIT_ENC, "contributor"), "hanbit.pdf", "H");

        Http.Reply othersDocument = Documents.transmit(consortium, sakura(), Documents.transmittalJson("FOR_REVIEW", hanbits, "A", DemoCompany.HANBIT_ENC));
        Http.Reply noSuchRevision = Documents.transmit(consortium, sakura(), Documents.transmittalJson("FOR_REVIEW", mine, "Q", DemoCompany.HANBIT_ENC));
        Http.Reply notAMember = Documents.transmit(consortium, sakura(), Documents.transmittalJson("FOR_REVIEW", mine, "A", DemoCompany.TSUBASA_TRADING));
        Http.Reply toMyself = Documents.transmit(consortium, sakura(), Documents.transmittalJson("FOR_REVIEW", mine, "A", DemoCompany.SAKURA_SHOJI));
        Http.Reply badBody = Documents.transmit(consortium, sakura(), "{\"purpose\": \"FOR_LUNCH\", \"dueAt\": \"tomorrow\"}");
        Http.Reply viewer = Documents.transmit(consortium, Tokens.user(DemoCompany.SAKURA_SHOJI, "viewer"),
                Documents.transmittalJson("FOR_REVIEW", mine, "A", DemoCompany.HANBIT_ENC));

        assertThat(List.of(othersDocument.status(), noSuchRevision.status(), notAMember.status(), toMyself.status())).containsOnly(422);
        assertThat(badBody.status()).isEqualTo(400);
        assertThat(badBody.json().getJsonArray("errors").getValuesAs(JsonObject.class)).extracting(e -> e.getString("field"))
                .contains("purpose", "dueAt", "recipients", "revisions");
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(Sql.count("select count(*) from transmittal where consortium_id = ?", consortium)).isZero();
        assertThat(Http.get(api("/documents/" + mine), hanbit()).status()).isEqualTo(404);
    }

    @Test
    void allMembersReceiveWhenAskedAndListsShowSentAndReceived() {
        String consortium = Bids.sakuraWithHanbit("All members " + UUID.randomUUID())[1];
        String document = Documents.register(consortium, sakura(), "spec.pdf", "A");

        Http.Reply sent = Documents.transmit(consortium, sakura(), """
                {"allMembers": true, "revisions": [{"documentId": "%s", "revision": "A"}], "purpose": "FOR_INFORMATION"}""".formatted(document));

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().getJsonArray("recipients").getValuesAs(JsonObject.class)).extracting(r -> r.getString("company"))
                .containsExactly("hanbit-enc");
        assertThat(Http.get(api("/consortia/" + consortium + "/transmittals?direction=SENT"), sakura()).jsonArray()).hasSize(1);
        assertThat(Http.get(api("/consortia/" + consortium + "/transmittals?direction=RECEIVED"), sakura()).jsonArray()).isEmpty();
        assertThat(Http.get(api("/consortia/" + consortium + "/transmittals?direction=RECEIVED"), hanbit()).jsonArray()).hasSize(1);
        assertThat(Http.get(api("/consortia/" + consortium + "/transmittals?direction=SIDEWAYS"), hanbit()).status()).isEqualTo(400);
        assertThat(Http.call("POST", api("/consortia/" + consortium + "/transmittals"), sakura(), "{\"purpose\": \"FOR_REVIEW\"}",
                Map.of()).status()).isEqualTo(400);
    }
}
