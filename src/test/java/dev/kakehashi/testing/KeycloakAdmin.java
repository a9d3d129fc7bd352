package dev.kakehashi.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/** Admin REST calls on the test Keycloak, for test set-ups the demo realm does not hold. */
public final class KeycloakAdmin {

    private KeycloakAdmin() {
    }

    public static String masterToken() {
        return Tokens.passwordGrant(TestStack.keycloakUrl() + "/realms/master", "admin-cli", "admin", "admin");
    }

    /** Creates a client in realm kakehashi from its JSON representation; ignores one that exists. */
    public static void createClient(String representation) {
        Http.Reply reply = Http.send(HttpRequest.newBuilder(URI.create(TestStack.keycloakUrl() + "/admin/realms/kakehashi/clients"))
                .header("Authorization", "Bearer " + masterToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(representation, StandardCharsets.UTF_8)));
        if (reply.status() != 201 && reply.status() != 409) {
            throw new IllegalStateException("Could not create client: " + reply.status() + " " + reply.body());
        }
    }
}
