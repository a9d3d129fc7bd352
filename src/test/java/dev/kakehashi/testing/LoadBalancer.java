package dev.kakehashi.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What an ingress is to the replicas, on one local port: it passes each request on to the replica the test
 * chose, with the X-Forwarded-* headers an ingress adds (the replicas run with proxy address forwarding on),
 * and counts what each replica served. The test decides where requests go, so that it can say which
 * replica served what.
 */
public final class LoadBalancer implements AutoCloseable {

    /** Hop-by-hop headers, and those the JDK's client sets itself. */
    private static final Set<String> NOT_PASSED = Set.of("host", "connection", "content-length", "transfer-encoding", "expect",
            "upgrade", "keep-alive", "te", "trailer", "proxy-connection", "http2-settings");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<URI> replicas;
    private final AtomicLongArray served;
    private volatile int target;

    private LoadBalancer(HttpServer server, List<URI> replicas) {
        this.server = server;
        this.replicas = List.copyOf(replicas);
        this.served = new AtomicLongArray(replicas.size());
    }

    public static LoadBalancer start(List<URI> replicas) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        LoadBalancer balancer = new LoadBalancer(server, replicas);
        server.createContext("/", balancer::pass);
        server.setExecutor(balancer.threads);
        server.start();
        return balancer;
    }

    /** Where the browser goes: http://localhost:PORT (localhost, as Keycloak's redirect URIs say). */
    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** From now on every request goes to replica {@code index}. */
    public void sendTo(int index) {
        target = index;
    }

    public long served(int index) {
        return served.get(index);
    }

    private void pass(HttpExchange exchange) throws IOException {
        int replica = target;
        try (exchange) {
            String method = exchange.getRequestMethod();
            HttpRequest.Builder request = HttpRequest.newBuilder(replicas.get(replica).resolve(exchange.getRequestURI().toString()))
                    .timeout(Duration.ofMinutes(2))
                    .method(method, hasBody(exchange)
                            ? HttpRequest.BodyPublishers.ofInputStream(exchange::getRequestBody)
                            : HttpRequest.BodyPublishers.noBody());
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_PASSED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            String host = exchange.getRequestHeaders().getFirst("Host");
            request.header("X-Forwarded-Host", host)
                    .header("X-Forwarded-Port", Integer.toString(server.getAddress().getPort()))
                    .header("X-Forwarded-Proto", "http")
                    .header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());

            HttpResponse<InputStream> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(503, -1);
                return;
            } catch (IOException e) {
                // The replica is gone: what an ingress answers before its health check notices.
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            served.incrementAndGet(replica);
            response.headers().map().forEach((name, values) -> {
                if (!NOT_PASSED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            long length = response.headers().firstValueAsLong("Content-Length").orElse(0);
            boolean empty = method.equals("HEAD") || response.statusCode() == 204 || response.statusCode() == 304
                    || (length == 0 && response.headers().firstValue("Content-Length").isPresent());
            exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : length);
            try (InputStream body = response.body(); OutputStream out = exchange.getResponseBody()) {
                if (!empty) {
                    body.transferTo(out);
                }
            }
        }
    }

    private static boolean hasBody(HttpExchange exchange) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        return exchange.getRequestHeaders().containsKey("Transfer-Encoding") || (length != null && !length.equals("0"));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
