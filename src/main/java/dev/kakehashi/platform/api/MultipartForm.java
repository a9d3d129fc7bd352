package dev.kakehashi.platform.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.RequestContext;

/**
 * Reads a multipart/form-data body part by part as it arrives (Apache Commons FileUpload's streaming
 * API), so that an upload goes straight from the connection to where it is kept: nothing buffers a
 * whole part, on disk or in memory, and the caller can refuse the request before the first byte is read.
 */
public final class MultipartForm {

    /** Receives each part in turn; the part's stream is valid only during the call. */
    @FunctionalInterface
    public interface Parts {
        void part(String name, String fileName, String contentType, InputStream content) throws IOException;
    }

    private MultipartForm() {
    }

    public static void read(String contentType, InputStream body, Parts parts) {
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The body must be multipart/form-data");
        }
        Streaming upload = new Streaming();
        upload.setHeaderCharset(StandardCharsets.UTF_8);
        try {
            FileItemInputIterator items = upload.getItemIterator(new Body(contentType, body));
            while (items.hasNext()) {
                FileItemInput item = items.next();
                try (InputStream content = item.getInputStream()) {
                    parts.part(item.getFieldName(), item.getName(), item.getContentType(), content);
                }
            }
        } catch (BodyTooLargeException e) {
            throw e.problem();
        } catch (FileUploadException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BodyTooLargeException tooLarge) {
                    throw tooLarge.problem();
                }
            }
            throw new ProblemException(ProblemType.INVALID_REQUEST, "The body is not a well-formed multipart/form-data request");
        } catch (IOException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "The upload was cut off before it ended");
        }
    }

    /** Reads a small text part whole (a JSON metadata part), refusing one longer than {@code maxBytes}. */
    public static String text(InputStream content, int maxBytes) throws IOException {
        byte[] bytes = content.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new ProblemException(ProblemType.CONTENT_TOO_LARGE, "A text part has at most " + maxBytes + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private record Body(String contentType, InputStream in) {
    }

    /** The streaming half of FileUpload over a JAX-RS entity stream (the library's other halves want a servlet request). */
    private static final class Streaming extends AbstractFileUpload<Body, DiskFileItem, DiskFileItemFactory> {

        @Override
        public FileItemInputIterator getItemIterator(Body body) throws FileUploadException, IOException {
            return getItemIterator(new RequestContext() {
                @Override
                public String getCharacterEncoding() {
                    return StandardCharsets.UTF_8.name();
                }

                @Override
                public long getContentLength() {
                    return -1;
                }

                @Override
                public String getContentType() {
                    return body.contentType();
                }

                @Override
                public InputStream getInputStream() {
                    return body.in();
                }

                @Override
                public boolean isMultipartRelated() {
                    return false;
                }
            });
        }

        @Override
        public Map<String, List<DiskFileItem>> parseParameterMap(Body body) {
            throw new UnsupportedOperationException("Parts are streamed, never collected");
        }

        @Override
        public List<DiskFileItem> parseRequest(Body body) {
            throw new UnsupportedOperationException("Parts are streamed, never collected");
        }
    }
}
