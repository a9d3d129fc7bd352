package dev.kakehashi.testing;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** multipart/form-data requests as an ERP client sends them: a JSON "metadata" part and a "file" part. */
public final class Multipart {

    private Multipart() {
    }

    public static Http.Reply post(String url, String bearer, String metadataJson, String fileName, String mediaType, byte[] content,
                                  Map<String, String> headers) {
        String boundary = "kakehashi-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (metadataJson != null) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n");
            write(body, metadataJson + "\r\n");
        }
        if (content != null) {
            String ascii = fileName.replaceAll("[^\\x20-\\x7E]", "_");
            String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + ascii
                    + "\"; filename*=UTF-8''" + encoded + "\r\nContent-Type: " + mediaType + "\r\n\r\n");
            body.writeBytes(content);
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        headers.forEach(request::header);
        return Http.send(request);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
