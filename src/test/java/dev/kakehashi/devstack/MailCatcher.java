package dev.kakehashi.devstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real SMTP server (GreenMail) that accepts every message: the tests read what the application sent,
 * and {@code ./mvnw -Prun} keeps each message as an .eml file so that a developer can open it.
 */
public final class MailCatcher implements AutoCloseable {

    private final GreenMail server;
    private final int port;
    private final long startedAt = System.currentTimeMillis();

    private MailCatcher(GreenMail server, int port) {
        this.server = server;
        this.port = port;
    }

    public static MailCatcher start(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return new MailCatcher(server, port);
    }

    public int port() {
        return port;
    }

    public List<MimeMessage> received() {
        return List.of(server.getReceivedMessages());
    }

    /** Writes each message received since the last call to {@code dir} and returns how many there were. */
    int saveNew(Path dir, int alreadySaved) throws IOException {
        MimeMessage[] all = server.getReceivedMessages();
        Files.createDirectories(dir);
        for (int i = alreadySaved; i < all.length; i++) {
            try (OutputStream out = Files.newOutputStream(dir.resolve(String.format("%d-%05d.eml", startedAt, i + 1)))) {
                all[i].writeTo(out);
            } catch (jakarta.mail.MessagingException e) {
                throw new IOException(e);
            }
        }
        return all.length;
    }

    @Override
    public void close() {
        server.stop();
    }
}
