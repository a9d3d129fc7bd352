package dev.kakehashi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.DemoCompany;
import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.Http;
import dev.kakehashi.testing.TestStack;
import dev.kakehashi.testing.Tokens;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Health, the OpenAPI document, and problem+json for requests that match nothing. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperationsIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    @Test
    void readinessIncludesTheDatabaseAndItsMigration() {
        Http.Reply ready = Http.get(TestStack.managementUrl() + "/health/ready", null);

        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().getString("status")).isEqualTo("UP");
        assertThat(ready.json().getJsonArray("checks").getValuesAs(JsonObject.class))
                .filteredOn(check -> check.getString("name").equals("database"))
                .singleElement()
                .satisfies(check -> {
                    assertThat(check.getString("status")).isEqualTo("UP");
                    assertThat(check.getJsonObject("data").getBoolean("migrated")).isTrue();
                });
    }

    @Test
    void livenessIsUp() {
        Http.Reply live = Http.get(TestStack.managementUrl() + "/health/live", null);

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().getString("status")).isEqualTo("UP");
    }

    @Test
    void openApiDescribesTheApiWithItsBearerScheme() {
        Http.Reply openapi = Http.send(HttpRequest.newBuilder(URI.create(TestStack.appUrl() + "/openapi"))
                .header("Accept", "application/json"));

        assertThat(openapi.status()).isEqualTo(200);
        JsonObject document = openapi.json();
        assertThat(document.getJsonObject("paths").keySet()).contains("/api/v1/me", "/api/v1/me/preferences");
        assertThat(document.getJsonObject("components").getJsonObject("securitySchemes").keySet()).contains("bearer");
        assertThat(document.getJsonObject("paths").getJsonObject("/api/v1/me").getJsonObject("get").getString("summary"))
                .isEqualTo("Who am I");
    }

    @Test
    void unknownApiPathIsANotFoundProblem() {
        Http.Reply reply = Http.get(TestStack.apiUrl() + "/no-such-thing", Tokens.user(DemoCompany.SAKURA_SHOJI, "viewer"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().getString("type")).isEqualTo("https://kakehashi.dev/problems/not-found");
    }

    @Test
    void wrongMethodIsAMethodNotAllowedProblem() {
        Http.Reply reply = Http.send(HttpRequest.newBuilder(URI.create(TestStack.apiUrl() + "/me"))
                .header("Authorization", "Bearer " + Tokens.user(DemoCompany.SAKURA_SHOJI, "viewer"))
                .DELETE());

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }
}
