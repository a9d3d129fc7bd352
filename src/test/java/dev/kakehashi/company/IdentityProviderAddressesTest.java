package dev.kakehashi.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which addresses a company admin may send Keycloak to for its identity provider's metadata. */
class IdentityProviderAddressesTest {

    private static IdentityProviderAddresses policy(boolean requireHttps, String... allowed) {
        IdentityProviderAddresses addresses = new IdentityProviderAddresses();
        addresses.requireHttps = requireHttps;
        addresses.allowedHosts = Optional.of(List.of(allowed));
        return addresses;
    }

    private static boolean isPublic(String address) throws Exception {
        return IdentityProviderAddresses.isPublic(InetAddress.getByName(address));
    }

    @Test
    void addressesInsideAnyNetworkAreNotPublic() throws Exception {
        for (String inside : List.of("127.0.0.1", "127.8.9.10", "::1", "0.0.0.0", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "100.127.255.254", "fd00:ec2::254", "fc00::1", "fe80::1", "224.0.0.1", "255.255.255.255", "192.0.2.5",
                "198.18.0.1", "::ffff:127.0.0.1", "64:ff9b::a9fe:a9fe", "::10.0.0.1")) {
            assertThat(isPublic(inside)).as(inside).isFalse();
        }
    }

    @Test
    void addressesOnTheInternetArePublic() throws Exception {
        for (String outside : List.of("8.8.8.8", "20.190.160.1", "100.63.255.255", "100.128.0.1", "172.32.0.1", "2001:4860:4860::8888")) {
            assertThat(isPublic(outside)).as(outside).isTrue();
        }
    }

    @Test
    void outsideLocalRunsOnlyHttpsIsAcceptedAndNeverWithCredentialsInTheAddress() {
        IdentityProviderAddresses production = policy(true);
        assertThat(production.isUsable("http://8.8.8.8/.well-known/openid-configuration")).isFalse();
        assertThat(production.isUsable("https://8.8.8.8/.well-known/openid-configuration")).isTrue();
        assertThat(production.isUsable("https://user:pw@8.8.8.8/.well-known/openid-configuration")).isFalse();
        assertThat(production.isUsable("ftp://8.8.8.8/metadata")).isFalse();
        assertThat(production.isUsable("https://127.0.0.1/.well-known/openid-configuration")).isFalse();
        assertThat(production.isUsable("not a url")).isFalse();
    }

    @Test
    void aHostTheOperatorAllowedSkipsTheAddressCheckButNotTheSchemeRule() {
        assertThat(policy(false, "localhost").isUsable("http://localhost:8180/realms/sakura-corp/.well-known/openid-configuration")).isTrue();
        assertThat(policy(true, "localhost").isUsable("http://localhost:8180/realms/sakura-corp/.well-known/openid-configuration")).isFalse();
        assertThat(policy(false, "localhost").isUsable("http://127.0.0.1:8180/realms/sakura-corp/.well-known/openid-configuration")).isFalse();
    }
}
