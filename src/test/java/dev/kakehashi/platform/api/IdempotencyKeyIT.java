package dev.kakehashi.platform.api;

import static dev.kakehashi.testing.Bids.api;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.Bids;
import dev.kakehashi.testing.DemoCompany;
import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.Documents;
import dev.kakehashi.testing.Http;
import dev.kakehashi.testing.Sql;
import dev.kakehashi.testing.Tokens;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An Idempotency-Key belongs to the caller who used it, answers again only what that caller may still see, and expires. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdempotencyKeyIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    @Test
    void aKeyIsTheCallersOwnNotTheCompanys() {
        String key = "order-" + UUID.randomUUID();
        String body = Bids.tenderJson("Per caller " + key);
        Map<String, String> header = Map.of("Idempotency-Key", key);

        Http.Reply person = Http.call("POST", api("/opportunities"), Tokens.user(DemoCompany.SAKURA_SHOJI, "bid-manager"), body, header);
        Http.Reply erp = Http.call("POST", api("/opportunities"), Tokens.erp(DemoCompany.SAKURA_SHOJI), body, header);

        assertThat(person.status()).isEqualTo(201);
        assertThat(erp.status()).isEqualTo(201);
        assertThat(erp.header("Idempotent-Replayed")).as("not the person's answer replayed").isNull();
        assertThat(erp.json().getString("id")).isNotEqualTo(person.json().getString("id"));
    }

    @Test
    void aReplayAnswersOnlyWhileTheCallerMayStillSeeWhatWasCreated() {
        String consortium = Bids.sakuraWithHanbit("Replay " + UUID.randomUUID())[1];
        String hanbit = Tokens.user(DemoCompany.HANBIT_ENC, "bid-manager");
        String document = Documents.register(consortium, hanbit, "hanbit-spec.pdf", "A");
        String body = Documents.transmittalJson("FOR_INFORMATION", document, "A", DemoCompany.SAKURA_SHOJI);
        Map<String, String> header = Map.of("Idempotency-Key", "tr-" + UUID.randomUUID());

        Http.Reply sent = Http.call("POST", api("/consortia/" + consortium + "/transmittals"), hanbit, body, header);
        Http.Reply again = Http.call("POST", api("/consortia/" + consortium + "/transmittals"), hanbit, body, header);
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");

        assertThat(Bids.withdrawFrom(consortium, DemoCompany.HANBIT_ENC, hanbit).status()).isEqualTo(200);
        Http.Reply afterLeaving = Http.call("POST", api("/consortia/" + consortium + "/transmittals"), hanbit, body, header);

        assertThat(afterLeaving.status()).isEqualTo(404);
        assertThat(afterLeaving.body()).doesNotContain(sent.json().getString("number"));
    }

    @Test
    void aKeyIsForgottenAfterItsTimeAndCanThenBeUsedForAnotherRequest() {
        String token = Tokens.user(DemoCompany.SAKURA_SHOJI, "bid-manager");
        String key = "expiring-" + UUID.randomUUID();
        Map<String, String> header = Map.of("Idempotency-Key", key);
        assertThat(Http.call("POST", api("/opportunities"), token, Bids.tenderJson("First " + key), header).status()).isEqualTo(201);
        assertThat(Http.call("POST", api("/opportunities"), token, Bids.tenderJson("Second " + key), header).status()).isEqualTo(422);

        Sql.update("update idempotent_request set created_at = timestampadd(HOUR, -25, created_at) where idempotency_key = ?", key);
        Http.Reply reused = Http.call("POST", api("/opportunities"), token, Bids.tenderJson("Second " + key), header);

        assertThat(reused.status()).as(reused.body()).isEqualTo(201);
        assertThat(reused.json().getString("title")).isEqualTo("Second " + key);
        assertThat(Sql.count("select count(*) from idempotent_request where idempotency_key = ?", key)).isEqualTo(1);
    }
}
