package dev.kakehashi.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;

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

    /** A confidential client with a service account holding these roles of realm-management (an admin client like the app's). */
    public static void createServiceClient(String clientId, String secret, java.util.List<String> realmManagementRoles) {
        createClient(Json.createObjectBuilder().add("clientId", clientId).add("enabled", true).add("publicClient", false)
                .add("secret", secret).add("serviceAccountsEnabled", true).add("standardFlowEnabled", false)
                .add("directAccessGrantsEnabled", false).build().toString());
        String id = clientByClientId(clientId).orElseThrow().getString("id");
        String serviceAccount = get("/clients/" + id + "/service-account-user").json().getString("id");
        String management = clientByClientId("realm-management").orElseThrow().getString("id");
        jakarta.json.JsonArrayBuilder roles = Json.createArrayBuilder();
        for (String role : realmManagementRoles) {
            roles.add(get("/clients/" + management + "/roles/" + role).json());
        }
        Http.Reply granted = Http.postJson(admin("/users/" + serviceAccount + "/role-mappings/clients/" + management), masterToken(),
                roles.build().toString());
        if (granted.status() != 204) {
            throw new IllegalStateException("Could not grant the roles: " + granted.status() + " " + granted.body());
        }
    }

    public static void deleteClient(String clientId) {
        clientByClientId(clientId).ifPresent(c -> Http.call("DELETE", admin("/clients/" + c.getString("id")), masterToken(), null, Map.of()));
    }

    private static String admin(String path) {
        return TestStack.keycloakUrl() + "/admin/realms/kakehashi" + path;
    }

    /** GET on the realm's admin API as the master admin (the test's own view, not the application's). */
    public static Http.Reply get(String path) {
        return Http.get(admin(path), masterToken());
    }

    /** Creates a user with a password and no organization; answers its id. */
    public static String createUser(String email, String password) {
        String json = Json.createObjectBuilder()
                .add("username", email).add("email", email).add("enabled", true).add("emailVerified", true)
                .add("firstName", "Test").add("lastName", "Person")
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "password").add("value", password).add("temporary", false)))
                .build().toString();
        Http.Reply reply = Http.postJson(admin("/users"), masterToken(), json);
        if (reply.status() != 201) {
            throw new IllegalStateException("Could not create user: " + reply.status() + " " + reply.body());
        }
        String location = reply.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Creates a user with a password and a realm role in a company's organization; answers its id. */
    public static String createMember(String organizationAlias, String username, String email, boolean emailVerified, String role) {
        String json = Json.createObjectBuilder()
                .add("username", username).add("email", email).add("enabled", true).add("emailVerified", emailVerified)
                .add("firstName", "Test").add("lastName", "Member")
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "password").add("value", Tokens.DEMO_PASSWORD).add("temporary", false)))
                .build().toString();
        Http.Reply created = Http.postJson(admin("/users"), masterToken(), json);
        if (created.status() != 201) {
            throw new IllegalStateException("Could not create user: " + created.status() + " " + created.body());
        }
        String location = created.header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        JsonObject roleRepresentation = get("/roles/" + role).json();
        Http.Reply granted = Http.postJson(admin("/users/" + id + "/role-mappings/realm"), masterToken(),
                Json.createArrayBuilder().add(roleRepresentation).build().toString());
        if (granted.status() != 204) {
            throw new IllegalStateException("Could not grant " + role + ": " + granted.status() + " " + granted.body());
        }
        String organization = organizationByAlias(organizationAlias).orElseThrow().getString("id");
        Http.Reply member = Http.postJson(admin("/organizations/" + organization + "/members"), masterToken(), "\"" + id + "\"");
        if (member.status() != 201 && member.status() != 204) {
            throw new IllegalStateException("Could not add the member: " + member.status() + " " + member.body());
        }
        return id;
    }

    public static void deleteUser(String id) {
        Http.call("DELETE", admin("/users/" + id), masterToken(), null, Map.of());
    }

    /** Sets a user's password, for a user the application created (its e-mail would otherwise be followed). */
    public static void setPassword(String userId, String password) {
        Http.Reply reply = Http.putJson(admin("/users/" + userId + "/reset-password"), masterToken(),
                Json.createObjectBuilder().add("type", "password").add("value", password).add("temporary", false).build().toString(), Map.of());
        if (reply.status() != 204) {
            throw new IllegalStateException("Could not set the password: " + reply.status() + " " + reply.body());
        }
    }

    /**
     * Gives a user a name and clears what it must do at the next sign-in, and marks the e-mail verified: following
     * the link of Keycloak's e-mail proves the address, and its pages do all this in real life.
     */
    public static void completeProfile(String userId, String firstName, String lastName) {
        Http.Reply reply = Http.putJson(admin("/users/" + userId), masterToken(), Json.createObjectBuilder()
                .add("firstName", firstName).add("lastName", lastName).add("emailVerified", true).add("requiredActions", Json.createArrayBuilder())
                .build().toString(), Map.of());
        if (reply.status() != 204) {
            throw new IllegalStateException("Could not update the user: " + reply.status() + " " + reply.body());
        }
    }

    public static Optional<JsonObject> userByEmail(String email) {
        JsonArray users = get("/users?exact=true&email=" + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8)).jsonArray();
        return users.isEmpty() ? Optional.empty() : Optional.of(users.getJsonObject(0));
    }

    public static Optional<JsonObject> organizationByAlias(String alias) {
        return get("/organizations?max=1000").jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(o -> alias.equals(o.getString("alias", null)))
                .findFirst();
    }

    public static Optional<JsonObject> clientByClientId(String clientId) {
        JsonArray clients = get("/clients?clientId=" + java.net.URLEncoder.encode(clientId, StandardCharsets.UTF_8)).jsonArray();
        return clients.isEmpty() ? Optional.empty() : Optional.of(clients.getJsonObject(0));
    }

    /** Adds a redirect URI to a client of realm kakehashi (a load balancer's address in a test); answers the previous list. */
    public static JsonArray addRedirectUri(String clientId, String uri) {
        JsonObject client = clientByClientId(clientId).orElseThrow();
        JsonArray before = client.getJsonArray("redirectUris");
        setRedirectUris(client, Json.createArrayBuilder(before).add(uri).build());
        return before;
    }

    public static void setRedirectUris(String clientId, JsonArray uris) {
        setRedirectUris(clientByClientId(clientId).orElseThrow(), uris);
    }

    private static void setRedirectUris(JsonObject client, JsonArray uris) {
        String json = Json.createObjectBuilder(client).add("redirectUris", uris).build().toString();
        Http.Reply reply = Http.putJson(admin("/clients/" + client.getString("id")), masterToken(), json, Map.of());
        if (reply.status() != 204) {
            throw new IllegalStateException("Could not change the redirect URIs: " + reply.status() + " " + reply.body());
        }
    }
}
