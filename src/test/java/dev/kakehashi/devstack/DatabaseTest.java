package dev.kakehashi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void dataOfACheckoutOutsideTheTempDirectoryStaysInTheCheckout() {
        Path checkout = Path.of(System.getProperty("user.home"), "src", "kakehashi");

        assertThat(Database.keepableDataDir(checkout.resolve(".run/mariadb"), checkout)).isEqualTo(checkout.resolve(".run/mariadb"));
    }

    @Test
    void dataOfACheckoutInTheTempDirectoryMovesWhereMariaDb4jDoesNotWipeIt() {
        Path checkout = Path.of(System.getProperty("java.io.tmpdir"), "kk-check");

        Path dataDir = Database.keepableDataDir(checkout.resolve(".run/mariadb"), checkout);

        assertThat(dataDir).startsWithRaw(Path.of(System.getProperty("user.home"), ".kakehashi"));
        assertThat(dataDir.getFileName().toString()).isEqualTo("mariadb");
        assertThat(dataDir.getParent().getFileName().toString()).startsWith("kk-check-");
    }
}
