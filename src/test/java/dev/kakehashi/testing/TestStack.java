package dev.kakehashi.testing;

/** Where the servers of the integration-test run listen (set by the build, see pom.xml). */
public final class TestStack {

    private TestStack() {
    }

    public static String appUrl() {
        return "http://localhost:" + System.getProperty("kakehashi.http.port", "8380");
    }

    public static String apiUrl() {
        return appUrl() + "/api/v1";
    }

    public static String managementUrl() {
        return "http://localhost:" + System.getProperty("it.management.port", "10290");
    }

    public static String keycloakUrl() {
        return "http://localhost:" + System.getProperty("kakehashi.keycloak.port", "18180");
    }

    public static String realmUrl() {
        return keycloakUrl() + "/realms/kakehashi";
    }

    public static String databaseUrl() {
        return System.getProperty("kakehashi.db.url", "jdbc:mariadb://127.0.0.1:13316/kakehashi");
    }
}
