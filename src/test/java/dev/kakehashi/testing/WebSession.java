package dev.kakehashi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person signed in to the web UI through the real Keycloak login page, as a browser would be, but
 * with a plain HTTP client: for tests that look at what a page answers (status, headers, cookies)
 * rather than at what it looks like.
 */
public final class WebSession {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]+action=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

    private final HttpClient client;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    private WebSession() {
        client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs in as a demo user (e-mail first, then the password, as Keycloak's organization login asks). */
    public static WebSession signIn(String username) {
        WebSession session = new WebSession();
        HttpResponse<String> page = session.follow(session.request(TestStack.appUrl() + "/").GET());
        // Keycloak's pages until the application's: the e-mail first, then the password
        for (int step = 0; step < 3 && !page.uri().toString().startsWith(TestStack.appUrl()); step++) {
            String action = htmlDecode(match(FORM_ACTION, page.body()));
            Map<String, String> form = page.body().contains("name=\"password\"")
                    ? Map.of("username", username, "password", Tokens.DEMO_PASSWORD, "credentialId", "")
                    : Map.of("username", username);
            page = session.follow(session.request(action).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
        }
        if (!page.uri().toString().startsWith(TestStack.appUrl()) || page.statusCode() != 200) {
            throw new IllegalStateException("Sign-in of " + username + " ended at " + page.uri() + " with " + page.statusCode());
        }
        return session;
    }

    /** GET of a page of the application, not following redirects. */
    public HttpResponse<String> get(String pathAndQuery) {
        return send(request(TestStack.appUrl() + pathAndQuery).GET());
    }

    /** GET that follows redirects, as a browser does. */
    public HttpResponse<String> open(String pathAndQuery) {
        return follow(request(TestStack.appUrl() + pathAndQuery).GET());
    }

    public List<java.net.HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Accept-Language", "en");
    }

    private HttpResponse<String> follow(HttpRequest.Builder request) {
        HttpResponse<String> response = send(request);
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            response = send(request(response.uri().resolve(location).toString()).GET());
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("No " + pattern + " in the page");
        }
        return m.group(1);
    }

    private static String htmlDecode(String text) {
        return text.replace("&amp;", "&").replace("&#x3D;", "=").replace("&#61;", "=");
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
