package dev.kakehashi.platform.notice;

import dev.kakehashi.company.Person;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells people by e-mail, in their own language, about work that waits for them. Messages are written
 * in the transaction of the change and sent after it commits, off the request thread, through
 * WildFly's mail session; a change that rolls back tells nobody, and a mail server that is down
 * never fails the change (the task stays visible in "my tasks").
 */
@ApplicationScoped
public class Notices {

    private static final Logger LOG = Logger.getLogger(Notices.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<Notice> events;

    @Resource(lookup = "java:jboss/mail/kakehashi")
    Session mail;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "kakehashi.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /** Writes the notice from the bundle keys {@code mail.<kind>.subject|body} with the arguments, and queues it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tell(Person person, String kind, String path, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", languageOf(person.userId()));
        Object[] all = new Object[args.length + 2];
        all[0] = person.name();
        all[1] = publicUrl.replaceAll("/$", "") + path;
        System.arraycopy(args, 0, all, 2, args.length);
        Locale locale = bundle.getLocale();
        String subject = new MessageFormat(bundle.getString("mail." + kind + ".subject"), locale).format(all);
        String body = new MessageFormat(bundle.getString("mail." + kind + ".body"), locale).format(all);
        events.fire(new Notice(person.email(), subject, body));
    }

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) Notice notice) {
        executor.submit(() -> deliver(notice));
    }

    private void deliver(Notice notice) {
        try {
            MimeMessage message = new MimeMessage(mail);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(notice.email()));
            message.setSubject(notice.subject(), StandardCharsets.UTF_8.name());
            message.setText(notice.body(), StandardCharsets.UTF_8.name());
            Transport.send(message);
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not send a notice to " + notice.email() + ": " + e.getMessage());
        }
    }

    private Locale languageOf(String userId) {
        // A plain query: the person may belong to another company than the caller, whose preferences are tenant-scoped.
        List<?> languages = em.createNativeQuery("SELECT language FROM user_preferences WHERE user_id = ?1")
                .setParameter(1, userId).getResultList();
        return languages.isEmpty() ? Locale.ENGLISH : Locale.forLanguageTag(languages.get(0).toString());
    }
}
