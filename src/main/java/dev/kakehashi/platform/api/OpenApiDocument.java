package dev.kakehashi.platform.api;

import dev.kakehashi.platform.Digests;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The ERP contract, {@code /openapi}: the OpenAPI document the build generated from the resources'
 * annotations (SmallRye OpenAPI, the same scanner WildFly runs) and linted, served as YAML or, for
 * {@code ?format=JSON} or {@code Accept: application/json}, as JSON. Served here rather than by the
 * server's own endpoint so that it follows the API's cross-origin policy ({@code CrossOriginPolicy}):
 * WildFly's endpoint answers every origin with credentials allowed.
 */
@WebServlet(urlPatterns = "/openapi", loadOnStartup = 2)
public class OpenApiDocument extends HttpServlet {

    static final String LOCATION = "META-INF/openapi/kakehashi-openapi.";

    private byte[] yaml;
    private byte[] json;
    private String yamlTag;
    private String jsonTag;

    @Override
    public void init() {
        yaml = read("yaml");
        json = read("json");
        yamlTag = tag(yaml);
        jsonTag = tag(json);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean asJson = "json".equalsIgnoreCase(request.getParameter("format"))
                || (request.getParameter("format") == null && String.valueOf(request.getHeader("Accept")).toLowerCase(Locale.ROOT).contains("json"));
        byte[] body = asJson ? json : yaml;
        String tag = asJson ? jsonTag : yamlTag;
        response.setHeader("ETag", tag);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (tag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(asJson ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private byte[] read(String format) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(LOCATION + format)) {
            if (in == null) {
                throw new IllegalStateException("The build did not generate " + LOCATION + format);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tag(byte[] content) {
        return "\"" + HexFormat.of().formatHex(Digests.sha256(content), 0, 16) + "\"";
    }
}
