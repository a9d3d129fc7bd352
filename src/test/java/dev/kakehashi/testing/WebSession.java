package dev.kakehashi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
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
    private final LocalCookies local = new LocalCookies();
    private final List<String> setCookies = new java.util.concurrent.CopyOnWriteArrayList<>();

    private WebSession() {
        client = HttpClient.newBuilder().cookieHandler(local).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs in as a demo user (e-mail first, then the password, as Keycloak's organization login asks). */
    public static WebSession signIn(String username) {
        WebSession session = new WebSession();
        HttpResponse<String> page = session.follow(session.request(TestStack.appUrl() + "/").GET());
        // Keycloak's pages until the application's: the e-mail first, then the password
        for (int step = 0; step < 3 && !page.uri().toString().startsWith(TestStack.appUrl()); step++) {
            Matcher form = FORM_ACTION.matcher(page.body());
            if (!form.find()) {
                throw new IllegalStateException("No sign-in form at " + page.uri() + " (" + page.statusCode() + "): "
                        + page.body().substring(0, Math.min(3000, page.body().length())));
            }
            String action = htmlDecode(form.group(1));
            Map<String, String> fields = page.body().contains("name=\"password\"")
                    ? Map.of("username", username, "password", Tokens.DEMO_PASSWORD, "credentialId", "")
                    : Map.of("username", username);
            page = session.follow(session.request(action).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
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


    /**
     * Sends a form of a page the way its button does: the form's fields as named ({@code comment} for the
     * component whose client id ends in {@code decisionForm:comment}), the button, and the page's view state.
     */
    public HttpResponse<String> submit(HttpResponse<String> page, String formId, Map<String, String> fields, String button) {
        String html = page.body();
        Matcher form = Pattern.compile("<form[^>]*id=\"([^\"]*" + Pattern.quote(formId) + ")\"[^>]*action=\"([^\"]+)\"").matcher(html);
        if (!form.find()) {
            throw new IllegalStateException("No form " + formId + " on " + page.uri());
        }
        String clientId = form.group(1);
        Matcher state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(html);
        if (!state.find()) {
            throw new IllegalStateException("No view state on " + page.uri());
        }
        Map<String, String> sent = new java.util.LinkedHashMap<>();
        sent.put(clientId, clientId);
        fields.forEach((name, value) -> sent.put(clientId + ":" + name, value));
        sent.put(clientId + ":" + button, "");
        sent.put("jakarta.faces.ViewState", htmlDecode(state.group(1)));
        // PrimeFaces' CSP mode puts the page's nonce into every form it sends; a form without it is refused
        Matcher nonce = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").matcher(html);
        if (nonce.find()) {
            sent.put("primefaces.nonce", nonce.group(1));
        }
        URI action = page.uri().resolve(htmlDecode(form.group(2)));
        return follow(request(action.toString()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(sent))));
    }

    /** A POST of any body to a page of the application, with this session's cookies, not following redirects. */
    public HttpResponse<String> post(String pathAndQuery, String contentType, HttpRequest.BodyPublisher body) {
        return send(request(TestStack.appUrl() + pathAndQuery).header("Content-Type", contentType).POST(body));
    }

    /** Every Set-Cookie header the application sent, as sent (with SameSite, which HttpCookie does not keep). */
    public List<String> setCookieHeaders() {
        return List.copyOf(setCookies);
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
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.uri().toString().startsWith(TestStack.appUrl())) {
                setCookies.addAll(response.headers().allValues("Set-Cookie"));
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Cookies as a browser keeps them for localhost, which it counts as a secure context: Keycloak marks its
     * cookies Secure even over http, and the JDK's cookie manager would never send them back there.
     */
    private static final class LocalCookies extends java.net.CookieHandler {
        private final Map<String, java.net.HttpCookie> byName = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
            List<String> sent = byName.values().stream()
                    .filter(c -> c.getDomain() == null || c.getDomain().equals(uri.getHost() + ":" + uri.getPort()))
                    .filter(c -> c.getPath() == null || path.startsWith(c.getPath()))
                    .filter(c -> !c.hasExpired())
                    .map(c -> c.getName() + "=" + c.getValue()).toList();
            return sent.isEmpty() ? Map.of() : Map.of("Cookie", List.of(String.join("; ", sent)));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    for (String value : values) {
                        for (java.net.HttpCookie cookie : java.net.HttpCookie.parse(value)) {
                            // A cookie belongs to the server (host and port) that set it, as the tests run several on localhost.
                            cookie.setDomain(uri.getHost() + ":" + uri.getPort());
                            String key = cookie.getDomain() + "|" + cookie.getName();
                            if (cookie.getMaxAge() == 0) {
                                byName.remove(key);
                            } else {
                                byName.put(key, cookie);
                            }
                        }
                    }
                }
            });
        }
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
