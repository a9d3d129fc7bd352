package dev.kakehashi.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.DemoCompany;
import dev.kakehashi.testing.Deployments;
import dev.kakehashi.testing.Http;
import dev.kakehashi.testing.Sql;
import dev.kakehashi.testing.TestStack;
import dev.kakehashi.testing.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Drives every operation of the OpenAPI document with malformed ids, query values, headers and bodies, as
 * callers of several companies and roles (and none), and holds the server to three promises: no 5xx, every
 * refusal a problem+json, and not one row changed. Seeded: a failure names its seed and request, and
 * {@code -Dkakehashi.fuzz.seed=N} replays it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiFuzzIT {

    private static final long SEED = Long.getLong("kakehashi.fuzz.seed", 20261201L);
    private static final int REQUESTS = Integer.getInteger("kakehashi.fuzz.requests", 1200);

    private static final List<String> IDS = List.of("", " ", "x", "0", "-1", "../../etc/passwd", "' OR '1'='1", "\u0000", "%00",
            "架け橋", "null", "1e400", "a".repeat(300), "7b1e0000-0000-4000-8000-0000000000zz", "00000000-0000-0000-0000-000000000000",
            "{id}", "<script>", "A;DROP TABLE document");
    private static final List<String> VALUES = List.of("", "abc", "-1", "0", "99999999999999999999", "1e9", "2147483648", "%", "[]", "{}",
            "\u0000", "Ω".repeat(500), "x".repeat(5000), "true", "null", "VN", "IDENTIFIED", "../", "*");
    private static final List<String> IF_MATCH = List.of("*", "W/\"0\"", "\"\"", "\"99999999999999999999\"", "garbage", "\"0\", W/\"1\"",
            "\"" + "9".repeat(400) + "\"");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "text/plain", "multipart/form-data",
            "multipart/form-data; boundary=", "application/xml", "application/merge-patch+json", "application/x-www-form-urlencoded");

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.kakehashi();
    }

    /** One operation of the document: method, path template and its query parameters. */
    record Operation(String method, String path, List<String> query) {
    }

    private static List<Operation> operations() {
        JsonObject document = Http.get(TestStack.appUrl() + "/openapi?format=JSON", null).json();
        List<Operation> operations = new ArrayList<>();
        new TreeMap<>(document.getJsonObject("paths")).forEach((path, item) -> {
            new TreeMap<>(item.asJsonObject()).forEach((method, operation) -> {
                if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
                    List<String> query = new ArrayList<>();
                    JsonObject op = operation.asJsonObject();
                    if (op.containsKey("parameters")) {
                        for (JsonValue parameter : op.getJsonArray("parameters")) {
                            JsonObject p = parameter.asJsonObject();
                            if ("query".equals(p.getString("in", ""))) {
                                query.add(p.getString("name"));
                            }
                        }
                    }
                    operations.add(new Operation(method.toUpperCase(java.util.Locale.ROOT), path, query));
                }
            });
        });
        return operations;
    }

    private static String body(Random random) {
        return switch (random.nextInt(14)) {
            case 0 -> "";
            case 1 -> "{";
            case 2 -> "[]";
            case 3 -> "null";
            case 4 -> "{}";
            case 5 -> "{\"title\": 123, \"country\": [], \"estimatedValue\": {\"amount\": 1e999999}}";
            case 6 -> "[".repeat(5000) + "]".repeat(5000);
            case 7 -> "{\"members\": [{\"company\": null, \"equityShare\": 1e-600000000}], \"packages\": \"no\"}";
            case 8 -> "\"" + "x".repeat(200_000) + "\"";
            case 9 -> "{\"a\": " + "9".repeat(100_000) + "}";
            case 10 -> "{\"recipients\": [1], \"revisions\": [null], \"purpose\": \"FOR_NOTHING\"}";
            case 11 -> "{\"decision\": \"MAYBE\", \"reasons\": " + "\"r\"".repeat(1) + ", \"extra\": {\"deep\": [[[[[]]]]]}}";
            case 12 -> new String(randomBytes(random, 300), StandardCharsets.ISO_8859_1);
            default -> "{\"language\": \"xx\", \"timeZone\": \"Nowhere/Never\", \"alias\": \"UPPER CASE\", \"domains\": [\"..\"]}";
        };
    }

    private static byte[] randomBytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static <T> T any(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * A checksum of every table the application writes: the cluster's discovery table aside, and the
     * count of requests per client (every request, refused or not, is counted against its rate limit).
     */
    private static Map<String, Object> checksums() {
        List<String> tables = Sql.rows("select table_name from information_schema.tables where table_schema = database() "
                + "and table_name not in ('JGROUPSPING', 'flyway_schema_history', 'api_rate_window') order by table_name").stream()
                .map(r -> String.valueOf(r.values().iterator().next())).toList();
        Map<String, Object> sums = new LinkedHashMap<>();
        for (Map<String, Object> row : Sql.rows("checksum table " + String.join(", ", tables))) {
            sums.put(String.valueOf(row.get("Table")), row.get("Checksum"));
        }
        return sums;
    }

    @Test
    void malformedRequestsOfAnyCallerGetProblemsNeverA5xxAndChangeNothing() {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("sakura bid-manager", Tokens.user(DemoCompany.SAKURA_SHOJI, "bid-manager"));
        callers.put("sakura viewer", Tokens.user(DemoCompany.SAKURA_SHOJI, "viewer"));
        callers.put("hanbit contributor", Tokens.user(DemoCompany.HANBIT_ENC, "contributor"));
        callers.put("mirae company-admin", Tokens.user(DemoCompany.MIRAE_EPC, "company-admin"));
        callers.put("tsubasa ERP", Tokens.erp(DemoCompany.TSUBASA_TRADING));
        callers.put("operator", Tokens.user("operator@kakehashi.example"));
        callers.put("no token", null);
        callers.put("forged token", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
        // Each caller once, so that what is remembered on a first visit (the person; the company's organization id) is not
        // counted as a change the fuzzing made
        for (String token : callers.values()) {
            for (String path : List.of("/me", "/company/users", "/company/sso", "/company/clients", "/admin/companies")) {
                Http.get(TestStack.apiUrl() + path, token);
            }
        }

        List<Operation> operations = operations();
        assertThat(operations).as("operations in the document").hasSizeGreaterThan(40);
        Map<String, Object> before = checksums();
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            Operation operation = operations.get(i < operations.size() ? i : random.nextInt(operations.size()));
            String caller = any(random, new ArrayList<>(callers.keySet()));
            String path = operation.path();
            while (path.contains("{")) {
                path = path.replaceFirst("\\{[^}]+}", encode(any(random, IDS)));
            }
            List<String> query = new ArrayList<>();
            for (String name : operation.query()) {
                if (random.nextBoolean()) {
                    query.add(encode(name) + "=" + encode(any(random, VALUES)));
                }
            }
            String url = TestStack.appUrl() + path + (query.isEmpty() ? "" : "?" + String.join("&", query));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
            String token = callers.get(caller);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            boolean withBody = !operation.method().equals("GET") && !operation.method().equals("DELETE") || random.nextInt(5) == 0;
            String body = withBody ? body(random) : null;
            if (random.nextInt(3) == 0) {
                request.header("If-Match", any(random, IF_MATCH));
            }
            if (random.nextInt(4) == 0) {
                request.header("Idempotency-Key", random.nextBoolean() ? "k".repeat(300) : "fuzz-" + random.nextInt(5));
            }
            if (random.nextInt(6) == 0) {
                request.header("Range", any(random, List.of("bytes=99999999999999999999-", "bytes=-", "items=0-1", "bytes=5-1")));
            }
            request.header("Content-Type", any(random, CONTENT_TYPES));
            request.method(operation.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            Http.Reply reply;
            try {
                reply = Http.send(request);
            } catch (RuntimeException e) {
                failures.add("#" + i + " " + operation.method() + " " + url + " as " + caller + ": no answer (" + e + ")");
                continue;
            }
            statuses.merge(reply.status(), 1, Integer::sum);
            String what = "#" + i + " " + operation.method() + " " + url.replace(TestStack.appUrl(), "") + " as " + caller + " → " + reply.status();
            if (reply.status() >= 500) {
                failures.add(what + " " + reply.body());
            } else if (reply.status() >= 400 && (reply.contentType() == null || !reply.contentType().startsWith("application/problem+json"))) {
                failures.add(what + " answered " + reply.contentType());
            }
        }
        Map<String, Object> after = checksums();

        System.out.println("[kakehashi] fuzz seed " + SEED + ", " + REQUESTS + " requests over " + operations.size() + " operations: "
                + statuses.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(", ")));
        assertThat(failures).as("seed " + SEED).isEmpty();
        assertThat(after).as("seed " + SEED + ": no row changed").isEqualTo(before);
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(1000);
    }
}
