package dev.kakehashi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.Bids;
import dev.kakehashi.testing.DemoCompany;
import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.Documents;
import dev.kakehashi.testing.Me;
import dev.kakehashi.testing.Tokens;
import dev.kakehashi.testing.WebSession;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.kakehashi.testing.Sql;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What pages answer where they cannot show what was asked: another company's subject, an unknown one and an
 * unknown address all answer the same translated not-found page with 404, and none of it is logged as an error;
 * and the operator's page comes with its stylesheets and scripts.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PagesAnswerIT {

    private static final Path SERVER_LOG = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    private static long errorsInLog() throws IOException {
        return Files.readAllLines(SERVER_LOG).stream().filter(l -> l.contains(" ERROR ")).count();
    }

    @Test
    void whatThePersonMayNotSeeAndWhatDoesNotExistAnswerTheSameTranslatedNotFoundPage() throws IOException {
        String[] hanbitOnly = Bids.sakuraWithHanbit("Not found " + UUID.randomUUID());
        String hanbit = Tokens.user(DemoCompany.HANBIT_ENC, "contributor");
        String document = Documents.register(hanbitOnly[1], hanbit, "hanbit-only.pdf", "x");
        String westJava = "7b1e0000-0000-4000-8000-000000000003"; // Tsubasa's tender: nobody else's
        Me.setPreferences(Tokens.user(DemoCompany.MIRAE_EPC, "bid-manager"), "ja", "Asia/Tokyo");
        WebSession mirae = WebSession.signIn("bid-manager@mirae-epc.example");
        long errorsBefore = errorsInLog();

        List<String> addresses = List.of("/opportunity.xhtml?id=" + westJava, "/consortium.xhtml?id=" + hanbitOnly[1],
                "/documents.xhtml?consortium=" + hanbitOnly[1], "/document.xhtml?id=" + document, "/transmittal.xhtml?id=" + UUID.randomUUID(),
                "/consortium.xhtml?id=" + UUID.randomUUID(), "/consortium.xhtml", "/document.xhtml?id=", "/no-such-page.xhtml", "/no/such/path");
        for (String address : addresses) {
            HttpResponse<String> page = mirae.get(address);
            assertThat(page.statusCode()).as(address).isEqualTo(404);
            assertThat(page.body()).as(address).contains("id=\"notFound\"").contains("見つかりません")
                    .doesNotContain("Not Found in ExternalContext").doesNotContain("Something went wrong");
        }
        assertThat(errorsInLog()).as("none of it is an error of the server's").isEqualTo(errorsBefore);
    }

    @Test
    void aCommentLongerThanItsColumnIsRefusedNextToTheFieldInThePersonsLanguageAndWhatWasTypedStays() throws IOException {
        String[] bid = Bids.sakuraWithHanbit("Long comment " + UUID.randomUUID());
        String sakura = Tokens.user(DemoCompany.SAKURA_SHOJI, "contributor");
        String document = Documents.register(bid[1], sakura, "comment.pdf", "A");
        Documents.transmitted(bid[1], sakura, document, "A", DemoCompany.HANBIT_ENC);
        assertThat(Documents.startReview(document, sakura, Documents.reviewJson("A", new String[] {"contributor@hanbit-enc.example"})).status())
                .isEqualTo(201);
        Me.setPreferences(Tokens.user(DemoCompany.HANBIT_ENC, "contributor"), "ja", "Asia/Seoul");
        WebSession reviewer = WebSession.signIn("contributor@hanbit-enc.example");
        HttpResponse<String> page = reviewer.get("/document.xhtml?id=" + document);
        assertThat(page.statusCode()).isEqualTo(200);
        String comment = "長".repeat(5000);

        // The form as a client that ignores maxlength would send it
        HttpResponse<String> answered = reviewer.submit(page, "decisionForm", Map.of("decision", "APPROVE_WITH_COMMENTS", "comment", comment),
                "decide");

        Files.writeString(Files.createDirectories(Path.of(System.getProperty("kakehashi.basedir", "."), "target", "screenshots"))
                .resolve("comment-too-long.html"), answered.body());
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).doesNotContain("Something went wrong");
        // the field, its widget's script, and the message right after them
        Matcher field = Pattern.compile("<textarea[^>]*id=\"([^\"]*decisionForm:comment)\"[^>]*>([^<]*)</textarea>\\s*(?:<script.*?</script>)?\\s*"
                + "<div[^>]*class=\"ui-message[^\"]*\"[^>]*>(.*?)</div>", Pattern.DOTALL).matcher(answered.body());
        assertThat(field.find()).as("the comment field and the message next to it").isTrue();
        assertThat(field.group(2).strip()).as("what was typed stays").isEqualTo(comment);
        assertThat(field.group(3).replace(",", "")).contains("4000 文字以内");
        assertThat(Sql.count("select count(*) from review_assignment a join review_step s on s.id = a.step_id join review r on r.id = s.review_id "
                + "where r.document_id = ? and a.decision is not null", document)).as("nothing decided").isZero();
    }

    @Test
    void theOperatorsPageComesWithItsStylesheetsAndScripts() {
        WebSession operator = WebSession.signIn("operator@kakehashi.example");
        HttpResponse<String> page = operator.get("/admin/companies.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);

        Matcher resources = Pattern.compile("(?:href|src)=\"(/jakarta\\.faces\\.resource/[^\"]+)\"").matcher(page.body());
        int found = 0;
        while (resources.find()) {
            String resource = resources.group(1).replace("&amp;", "&");
            HttpResponse<String> served = operator.get(resource);
            assertThat(served.statusCode()).as(resource).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type").orElse("")).as(resource).matches("(text/css|text/javascript|application/javascript).*");
            found++;
        }
        assertThat(found).as("stylesheets and scripts on the page").isGreaterThanOrEqualTo(3);
    }
}
