package dev.kakehashi.testing;

import static org.assertj.core.api.Assertions.fail;

import dev.kakehashi.devstack.TestStackListener;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What arrived at the test run's SMTP server. */
public final class Mailbox {

    private Mailbox() {
    }

    public record Mail(String to, String subject, String body) {
    }

    public static List<Mail> all() {
        return TestStackListener.mail().received().stream().map(Mailbox::mail).toList();
    }

    /** Waits (up to 20 s: notices are sent after commit, off the request thread) for a message to {@code to} whose subject contains {@code text}. */
    public static Mail awaitMessage(String to, String text) {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            Optional<Mail> found = all().stream().filter(m -> m.to().equalsIgnoreCase(to) && m.subject().contains(text)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("No e-mail to " + to + " with \"" + text + "\" in its subject; received: " + all());
    }

    public static long countTo(String to, String text) {
        return all().stream().filter(m -> m.to().equalsIgnoreCase(to) && m.subject().contains(text)).count();
    }

    private static Mail mail(MimeMessage m) {
        try {
            String to = Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).findFirst().orElse("");
            return new Mail(to, m.getSubject(), text(m.getContent()));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain text of a message; Keycloak's are multipart (text and HTML). */
    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain") || part.getContent() instanceof jakarta.mail.Multipart) {
                    return text(part.getContent());
                }
            }
            return text(multipart.getBodyPart(0).getContent());
        }
        return content.toString();
    }
}
