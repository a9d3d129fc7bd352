package dev.kakehashi.devstack;

import java.io.IOException;
import java.nio.file.Path;

/** The realm exactly as the local stack imports it, for the unit tests of the realm's definition. */
public final class KeycloakServerAccess {

    private KeycloakServerAccess() {
    }

    public static String withDemo(Path realm, Path demo) throws IOException {
        return KeycloakServer.withDemo(realm, demo);
    }
}
