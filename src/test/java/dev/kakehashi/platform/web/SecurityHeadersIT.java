package dev.kakehashi.platform.web;

import static dev.kakehashi.testing.Bids.api;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.Bids;
import dev.kakehashi.testing.DemoCompany;
import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.Documents;
import dev.kakehashi.testing.Http;
import dev.kakehashi.testing.TestStack;
import dev.kakehashi.testing.Tokens;
import dev.kakehashi.testing.WebSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What every answer tells the browser and intermediaries, and the cross-origin policy of the API and its document. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityHeadersIT {

    private static final String ALLOWED = "https://erp.sakura-shoji.example"; // KAKEHASHI_CORS_ALLOWED_ORIGINS of the test server
    private static final String OTHER = "https://evil.example";

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    @Test
    void everyApiAnswerForbidsSniffingAndCaching() {
        for (Http.Reply reply : List.of(Http.get(api("/me"), Tokens.user(DemoCompany.SAKURA_SHOJI, "viewer")), Http.get(api("/me"), null),
                Http.get(api("/opportunities/nothing"), Tokens.user(DemoCompany.SAKURA_SHOJI, "viewer")))) {
            assertThat(reply.header("X-Content-Type-Options")).as(reply.status() + "").isEqualTo("nosniff");
            assertThat(reply.header("Cache-Control")).as(reply.status() + "").isEqualTo("no-store");
        }
    }

    @Test
    void aRevisionsContentMayBeKeptByTheBrowserOnlyBecauseItNeverChanges() {
        String consortium = Bids.sakuraWithHanbit("Cache " + UUID.randomUUID())[1];
        String token = Tokens.user(DemoCompany.SAKURA_SHOJI, "contributor");
        String document = Documents.register(consortium, token, "cache.pdf", "content");

        Http.Reply content = Http.get(api("/documents/" + document + "/revisions/A/content"), token);

        assertThat(content.header("Cache-Control")).isEqualTo("private, max-age=31536000, immutable");
        assertThat(content.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void pagesForbidFramingAndNameTheirScriptsAndTheSessionCookieIsHttpOnlyAndSameSite() {
        WebSession session = WebSession.signIn("viewer@sakura-shoji.example");
        HttpResponse<String> page = session.get("/index.xhtml");

        assertThat(page.statusCode()).isEqualTo(200);
        List<String> policies = page.headers().allValues("Content-Security-Policy");
        assertThat(policies).anySatisfy(p -> assertThat(p).contains("frame-ancestors 'none'"));
        assertThat(policies).anySatisfy(p -> assertThat(p).containsPattern("script-src 'self' 'nonce-[^']+'"));
        assertThat(String.join(";", policies)).doesNotContainPattern("script-src[^;]*unsafe-inline");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(session.setCookieHeaders()).filteredOn(c -> c.startsWith("JSESSIONID=")).isNotEmpty()
                .allSatisfy(c -> assertThat(c).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    private static Http.Reply withOrigin(String method, String url, String origin, String requestMethod) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Origin", origin)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (requestMethod != null) {
            request.header("Access-Control-Request-Method", requestMethod).header("Access-Control-Request-Headers", "authorization, if-match");
        }
        return Http.send(request);
    }

    @Test
    void theOpenApiDocumentAllowsNoOriginWithCredentials() {
        Http.Reply other = withOrigin("GET", TestStack.appUrl() + "/openapi", OTHER, null);
        Http.Reply allowed = withOrigin("GET", TestStack.appUrl() + "/openapi", ALLOWED, null);

        assertThat(other.status()).isEqualTo(200);
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
        assertThat(other.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(allowed.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(allowed.body()).contains("openapi:");
    }

    @Test
    void preflightsAreAnsweredForAllowedOriginsOnlyAndNeverAllowCredentials() {
        Http.Reply allowed = withOrigin("OPTIONS", api("/opportunities"), ALLOWED, "POST");
        Http.Reply other = withOrigin("OPTIONS", api("/opportunities"), OTHER, "POST");
        Http.Reply actual = Http.send(HttpRequest.newBuilder(URI.create(api("/me"))).header("Origin", ALLOWED)
                .header("Authorization", "Bearer " + Tokens.user(DemoCompany.SAKURA_SHOJI, "viewer")).GET());

        assertThat(allowed.status()).isEqualTo(204);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(allowed.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("if-match").containsIgnoringCase("authorization");
        assertThat(allowed.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
        assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(actual.header("Access-Control-Expose-Headers")).contains("ETag").contains("X-Total-Count");
    }
}
