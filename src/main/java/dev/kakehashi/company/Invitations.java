package dev.kakehashi.company;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keycloak writes and sends the e-mail with which a new person sets a password: the link is an action
 * token only Keycloak can issue, and Kakehashi never sees the password. After it the person lands on
 * Kakehashi.
 */
@ApplicationScoped
public class Invitations {

    private static final Logger LOG = Logger.getLogger(Invitations.class.getName());
    private static final int LINK_VALID_SECONDS = 72 * 3600;

    @Inject
    RealmAdmin realm;

    @Inject
    @ConfigProperty(name = "kakehashi.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "kakehashi.oidc.client-id", defaultValue = "kakehashi-web")
    String webClientId;

    /** Sends the e-mail; false (and a warning in the log) when Keycloak could not, so the caller can say so. */
    public boolean askToSetPassword(String userId) {
        try {
            realm.realm().users().get(userId).executeActionsEmail(webClientId, publicUrl + "/", LINK_VALID_SECONDS,
                    List.of("UPDATE_PASSWORD"));
            return true;
        } catch (RuntimeException e) {
            LOG.warning(() -> "Keycloak could not send the set-password e-mail to user " + userId + ": " + e);
            return false;
        }
    }
}
