package dev.kakehashi.devstack;

import java.nio.file.Path;
import java.util.Map;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the real MariaDB and Keycloak once for a whole integration-test run, on ports clear of a
 * running {@code ./mvnw -Prun}, before Arquillian starts WildFly; stops them at the end. Active only
 * where the build sets {@code kakehashi.stack=test} (failsafe), so unit tests start nothing.
 */
public class TestStackListener implements LauncherSessionListener {

    private RunKakehashi.Stack stack;

    private static volatile MailCatcher mail;

    private static volatile ObjectStorage objectStorage;

    /** The S3-compatible server of this test run. */
    static ObjectStorage objectStorage() {
        return objectStorage;
    }

    /** The SMTP server of this test run, which receives what the application sends. */
    public static MailCatcher mail() {
        return mail;
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!"test".equals(System.getProperty("kakehashi.stack"))) {
            return;
        }
        Path logs = Path.of(System.getProperty("kakehashi.basedir", ".")).resolve("target/it-logs");
        stack = new RunKakehashi.Stack();
        try {
            long t0 = System.nanoTime();
            stack.mail = MailCatcher.start(Integer.getInteger("kakehashi.smtp.port"));
            mail = stack.mail;
            stack.database = Boolean.getBoolean("kakehashi.db.external")
                    ? Database.external(System.getProperty("kakehashi.db.url"), System.getProperty("kakehashi.db.user"),
                            System.getProperty("kakehashi.db.password"))
                    : Database.embedded(Integer.getInteger("kakehashi.db.port"), Path.of(System.getProperty("kakehashi.db.dir")), true);
            long t1 = System.nanoTime();
            stack.keycloak = KeycloakServer.start(Path.of(System.getProperty("kakehashi.keycloak.zip")),
                    Path.of(System.getProperty("kakehashi.keycloak.home")),
                    Integer.getInteger("kakehashi.keycloak.port"), Integer.getInteger("kakehashi.keycloak.management.port"),
                    true, Path.of(System.getProperty("kakehashi.basedir", ".")).resolve("src/main/keycloak"),
                    Map.of("KAKEHASHI_PUBLIC_URL", "http://localhost:" + System.getProperty("kakehashi.http.port"),
                            "KAKEHASHI_DEMO_PASSWORD", "demo",
                            "KAKEHASHI_SMTP_PORT", Integer.toString(stack.mail.port())),
                    logs.resolve("keycloak.log"));
            long t2 = System.nanoTime();
            stack.objectStorage = ObjectStorage.start(Path.of(System.getProperty("kakehashi.s3proxy.jar")),
                    Integer.getInteger("kakehashi.s3.port"), Path.of(System.getProperty("kakehashi.basedir", ".")).resolve("target/it-s3"),
                    logs.resolve("s3proxy.log"));
            objectStorage = stack.objectStorage;
            long t3 = System.nanoTime();
            System.out.printf("[kakehashi] test stack up: MariaDB %s in %d ms, Keycloak in %d ms, S3Proxy in %d ms%n", stack.database.url(),
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "kakehashi-test-stack-stop"));
        } catch (Exception e) {
            stack.close();
            throw new IllegalStateException("Could not start the test stack (MariaDB, Keycloak, S3Proxy)", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (stack != null) {
            stack.close();
        }
    }
}
