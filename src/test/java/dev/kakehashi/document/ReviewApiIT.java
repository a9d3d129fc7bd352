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

/** The review state machine: serial steps, parallel reviewers, one decision each, a return ends it, ball in court, overdue. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReviewApiIT {

    private static final String SAKURA_REVIEWER = "bid-manager@sakura-shoji.example";
    private static final String HANBIT_REVIEWER = "contributor@hanbit-enc.example";
    private static final String HANBIT_APPROVER = "bid-manager@hanbit-enc.example";

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    private static String owner() {
        return Tokens.user(DemoCompany.SAKURA_SHOJI, "contributor");
    }

    /** A sakura document, revision A transmitted to hanbit; returns {consortium, document}. */
    private static String[] transmittedDocument(String title) {
        String consortium = Bids.sakuraWithHanbit(title + " " + UUID.randomUUID())[1];
        String document = Documents.register(consortium, owner(), "spec.pdf", "A");
        Documents.transmitted(consortium, owner(), document, "A", DemoCompany.HANBIT_ENC);
        return new String[] {consortium, document};
    }

    private static JsonObject review(String id, String token) {
        return Http.get(api("/reviews/" + id), token).json();
    }

    private static String status(String document) {
        return Http.get(api("/documents/" + document), owner()).json().getString("status");
    }

    @Test
    void stepsCompleteWhenAllTheirReviewersApproveAndTheLastApprovalApprovesTheDocument() {
        String document = transmittedDocument("Review happy path")[1];
        Http.Reply started = Documents.startReview(document, owner(),
                Documents.reviewJson("A", new String[] {SAKURA_REVIEWER, HANBIT_REVIEWER}, new String[] {HANBIT_APPROVER}));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String review = started.json().getString("id");
        assertThat(status(document)).isEqualTo("IN_REVIEW");
        assertThat(started.json().getJsonArray("ballInCourt").getValuesAs(JsonObject.class)).extracting(p -> p.getString("email"))
                .containsExactlyInAnyOrder(SAKURA_REVIEWER, HANBIT_REVIEWER);

        assertThat(Documents.decide(review, Tokens.user(SAKURA_REVIEWER), "APPROVE", null).status()).isEqualTo(200);
        JsonObject afterOne = review(review, owner());
        assertThat(afterOne.getInt("currentStep")).isEqualTo(1);
        assertThat(afterOne.getJsonArray("ballInCourt").getValuesAs(JsonObject.class)).extracting(p -> p.getString("email")).containsExactly(HANBIT_REVIEWER);

        assertThat(Documents.decide(review, Tokens.user(HANBIT_REVIEWER), "APPROVE_WITH_COMMENTS", "Cable sizing: see note 3").status()).isEqualTo(200);
        JsonObject afterStep = review(review, owner());
        assertThat(afterStep.getInt("currentStep")).isEqualTo(2);
        assertThat(afterStep.getJsonArray("ballInCourt").getValuesAs(JsonObject.class)).extracting(p -> p.getString("email")).containsExactly(HANBIT_APPROVER);
        assertThat(afterStep.getJsonArray("steps").getJsonObject(0).getString("completedAt")).isNotBlank();

        Http.Reply last = Documents.decide(review, Tokens.user(HANBIT_APPROVER), "APPROVE", null);
        assertThat(last.status()).as(last.body()).isEqualTo(200);
        assertThat(last.json().getString("status")).isEqualTo("APPROVED");
        assertThat(last.json().getJsonArray("ballInCourt")).isEmpty();
        assertThat(status(document)).isEqualTo("APPROVED");
        assertThat(Sql.count("select count(*) from audit_event where subject_id = ? and action = 'review.decided'", review)).isEqualTo(3);
    }

    @Test
    void aReturnEndsTheWorkflowWithTheDocumentReturned() {
        String document = transmittedDocument("Review return")[1];
        String review = Documents.startReview(document, owner(),
                Documents.reviewJson("A", new String[] {SAKURA_REVIEWER, HANBIT_REVIEWER}, new String[] {HANBIT_APPROVER})).json().getString("id");

        Http.Reply withoutComment = Documents.decide(review, Tokens.user(HANBIT_REVIEWER), "RETURN", null);
        Http.Reply returned = Documents.decide(review, Tokens.user(HANBIT_REVIEWER), "RETURN", "Single-line diagram missing");

        assertThat(withoutComment.status()).isEqualTo(422);
        assertThat(returned.status()).isEqualTo(200);
        assertThat(returned.json().getString("status")).isEqualTo("RETURNED");
        assertThat(status(document)).isEqualTo("RETURNED");
        assertThat(Documents.decide(review, Tokens.user(SAKURA_REVIEWER), "APPROVE", null).status()).as("nothing is decided after a return").isEqualTo(422);
        assertThat(Documents.decide(review, Tokens.user(HANBIT_APPROVER), "APPROVE", null).status()).isEqualTo(422);
    }

    @Test
    void aReviewerDecidesOnceOnlyInTheirStepAndOnlyWithTheCurrentETag() {
        String document = transmittedDocument("Review rules")[1];
        String review = Documents.startReview(document, owner(),
                Documents.reviewJson("A", new String[] {SAKURA_REVIEWER, HANBIT_REVIEWER}, new String[] {HANBIT_APPROVER})).json().getString("id");
        String reviewer = Tokens.user(SAKURA_REVIEWER);
        String etag = Http.get(api("/reviews/" + review), reviewer).header("ETag");
        String approve = "{\"decision\": \"APPROVE\"}";

        Http.Reply blind = Http.call("POST", api("/reviews/" + review + "/decisions"), reviewer, approve, Map.of());
        Http.Reply tooEarly = Documents.decide(review, Tokens.user(HANBIT_APPROVER), "APPROVE", null);
        Http.Reply stranger = Documents.decide(review, Tokens.user(DemoCompany.SAKURA_SHOJI, "company-admin"), "APPROVE", null);
        Http.Reply first = Http.call("POST", api("/reviews/" + review + "/decisions"), reviewer, approve, Map.of("If-Match", etag));
        Http.Reply stale = Http.call("POST", api("/reviews/" + review + "/decisions"), Tokens.user(HANBIT_REVIEWER), approve, Map.of("If-Match", etag));
        Http.Reply twice = Documents.decide(review, reviewer, "RETURN", "changed my mind");

        assertThat(blind.status()).isEqualTo(428);
        assertThat(tooEarly.status()).isEqualTo(422);
        assertThat(tooEarly.json().getJsonArray("errors").getJsonObject(0).getString("rule")).isEqualTo("not-your-step");
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(first.status()).isEqualTo(200);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(Sql.count("select count(*) from review_assignment a join review_step s on s.id = a.step_id where s.review_id = ? and a.decision is not null",
                review)).isEqualTo(1);
        assertThat(review(review, owner()).getString("status")).isEqualTo("IN_PROGRESS");
    }

    @Test
    void reviewersMustHaveTheRevisionAndBeKnownAndOneReviewRunsAtATime() {
        String[] setup = transmittedDocument("Reviewer rules");
        String document = setup[1];
        Documents.revise(document, owner(), "B");

        Http.Reply notTransmitted = Documents.startReview(document, owner(), Documents.reviewJson("B", new String[] {HANBIT_REVIEWER}));
        Http.Reply unknown = Documents.startReview(document, owner(), Documents.reviewJson("A", new String[] {"nobody@hanbit-enc.example"}));
        Http.Reply outsider = Documents.startReview(document, owner(), Documents.reviewJson("A", new String[] {"bid-manager@tsubasa-trading.example"}));
        Http.Reply viewer = Documents.startReview(document, owner(), Documents.reviewJson("A", new String[] {"viewer@hanbit-enc.example"}));
        Http.Reply past = Documents.startReview(document, owner(),
                "{\"revision\": \"A\", \"steps\": [{\"reviewers\": [\"" + HANBIT_REVIEWER + "\"], \"dueAt\": \"2020-01-01T00:00:00Z\"}]}");
        Http.Reply byRecipient = Documents.startReview(document, Tokens.user(DemoCompany.HANBIT_ENC, "bid-manager"),
                Documents.reviewJson("A", new String[] {HANBIT_REVIEWER}));

        // Whoever may not review, for whatever reason, gets the one same answer: it tells nothing about who exists where.
        for (Http.Reply refused : List.of(notTransmitted, unknown, outsider, viewer)) {
            assertThat(refused.status()).isEqualTo(422);
            JsonObject error = refused.json().getJsonArray("errors").getJsonObject(0);
            assertThat(error.getString("rule")).isEqualTo("reviewer-eligible");
            assertThat(error.getString("message").replaceAll("\\S+@\\S+", "<e-mail>").replaceAll("revision [A-Z]+", "revision <r>"))
                    .isEqualTo(notTransmitted.json().getJsonArray("errors").getJsonObject(0).getString("message")
                            .replaceAll("\\S+@\\S+", "<e-mail>").replaceAll("revision [A-Z]+", "revision <r>"));
        }
        assertThat(past.status()).isEqualTo(422);
        assertThat(byRecipient.status()).as("the recipient does not own the document").isEqualTo(404);
        assertThat(Sql.count("select count(*) from review where document_id = ?", document)).isZero();

        assertThat(Documents.startReview(document, owner(), Documents.reviewJson("A", new String[] {HANBIT_REVIEWER})).status()).isEqualTo(201);
        assertThat(Documents.startReview(document, owner(), Documents.reviewJson("B", new String[] {SAKURA_REVIEWER})).status()).isEqualTo(422);
    }

    @Test
    void theBallInCourtIsToldByEmailSeesItInTasksAndOverdueShows() {
        String document = transmittedDocument("Review notice")[1];
        String number = Http.get(api("/documents/" + document), owner()).json().getString("number");
        String review = Documents.startReview(document, owner(), Documents.reviewJson("A", new String[] {HANBIT_REVIEWER}, new String[] {SAKURA_REVIEWER}))
                .json().getString("id");

        Mailbox.Mail mail = Mailbox.awaitMessage(HANBIT_REVIEWER, number);
        assertThat(mail.body()).contains("/document.xhtml?id=" + document);
        assertThat(Mailbox.countTo(SAKURA_REVIEWER, number)).as("the second step is told when its turn comes").isZero();
        assertThat(Http.get(api("/me/tasks"), Tokens.user(HANBIT_REVIEWER)).body()).contains(review);
        assertThat(Http.get(api("/me/tasks"), Tokens.user(SAKURA_REVIEWER)).body()).doesNotContain(review);

        Sql.update("update review_step set due_at = utc_timestamp(6) - interval 1 day where review_id = ? and position = 1", review);
        JsonObject overdue = review(review, owner());
        assertThat(overdue.getBoolean("overdue")).isTrue();
        JsonObject task = Http.get(api("/me/tasks"), Tokens.user(HANBIT_REVIEWER)).jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("id").equals(review)).findFirst().orElseThrow();
        assertThat(task.getBoolean("overdue")).isTrue();

        assertThat(Documents.decide(review, Tokens.user(HANBIT_REVIEWER), "APPROVE", null).status()).isEqualTo(200);
        Mailbox.awaitMessage(SAKURA_REVIEWER, number);
        assertThat(Http.get(api("/me/tasks"), Tokens.user(HANBIT_REVIEWER)).body()).doesNotContain(review);
        assertThat(Http.get(api("/me/tasks"), Tokens.user(SAKURA_REVIEWER)).body()).contains(review);
    }
}
