package dev.kakehashi.company;

import dev.kakehashi.platform.api.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which addresses Keycloak may be asked to fetch an identity provider's metadata from, on a company
 * admin's say. A company admin is not trusted with the platform's network: an address is accepted only
 * when it is https and every address its host resolves to is public (not loopback, link-local (cloud
 * metadata), private, carrier-grade NAT, multicast or reserved). Hosts an operator names
 * ({@code KAKEHASHI_SSO_ALLOWED_HOSTS}, for local runs and tests) skip the address check, and http is
 * accepted only where {@code KAKEHASHI_SSO_REQUIRE_HTTPS=false}. Every refusal, before or after a fetch,
 * gives the same answer, so that the answer says nothing about what is reachable from inside.
 */
@ApplicationScoped
public class IdentityProviderAddresses {

    /** The one answer to any address that cannot be used, or any fetch that failed. */
    static final String UNREADABLE = "The identity provider's metadata could not be read from this address. "
            + "It must be a public https address that answers with the provider's metadata.";

    /** Endpoints of an imported configuration that Keycloak will call later, at sign-in. */
    static final List<String> ENDPOINTS = List.of("authorizationUrl", "tokenUrl", "userInfoUrl", "jwksUrl", "logoutUrl",
            "singleSignOnServiceUrl", "singleLogoutServiceUrl", "artifactResolutionServiceUrl");

    @Inject
    @ConfigProperty(name = "kakehashi.sso.allowed-hosts")
    Optional<List<String>> allowedHosts;

    @Inject
    @ConfigProperty(name = "kakehashi.sso.require-https", defaultValue = "true")
    boolean requireHttps;

    @Resource
    ManagedExecutorService executor;

    /** The refusal every unusable address or failed fetch gets, naming the field it came from. */
    static ProblemException unreadable(String field) {
        return ProblemException.ruleViolated(UNREADABLE, field, "metadata-unreadable", UNREADABLE);
    }

    /** Refuses, before anything is fetched, an address Keycloak must not be sent to. */
    public void requireUsable(String field, String url) {
        if (!isUsable(url)) {
            throw unreadable(field);
        }
    }

    /** Refuses an imported configuration whose endpoints point where Keycloak must not go. */
    public void requireUsableEndpoints(String field, Map<String, String> config) {
        for (String endpoint : ENDPOINTS) {
            String url = config.get(endpoint);
            if (url != null && !url.isBlank() && !isUsable(url)) {
                throw unreadable(field);
            }
        }
    }

    boolean isUsable(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || uri.getRawUserInfo() != null || !(scheme.equals("https") || scheme.equals("http"))) {
            return false;
        }
        if (requireHttps && !scheme.equals("https")) {
            return false;
        }
        if (allowed().contains(host.toLowerCase(Locale.ROOT))) {
            return true;
        }
        List<InetAddress> addresses = resolve(host);
        return !addresses.isEmpty() && addresses.stream().allMatch(IdentityProviderAddresses::isPublic);
    }

    private Set<String> allowed() {
        return allowedHosts.orElse(List.of()).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .collect(Collectors.toSet());
    }

    /** The host's addresses, or none when it does not resolve within three seconds. */
    private List<InetAddress> resolve(String host) {
        if (executor == null) {
            try {
                return List.of(InetAddress.getAllByName(host));
            } catch (java.net.UnknownHostException e) {
                return List.of();
            }
        }
        Future<InetAddress[]> lookup = executor.submit(() -> InetAddress.getAllByName(host));
        try {
            return List.of(lookup.get(3, TimeUnit.SECONDS));
        } catch (Exception e) {
            lookup.cancel(true);
            return List.of();
        }
    }

    /** Whether an address is on the public internet. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0 // "this network"
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 2) // documentation
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || (first == 198 && second == 51 && (b[2] & 0xff) == 100) // documentation
                    || (first == 203 && second == 0 && (b[2] & 0xff) == 113) // documentation
                    || first >= 240); // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // unique local, fc00::/7 (cloud metadata fd00:ec2::254 among them)
                return false;
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) { // documentation
                return false;
            }
            boolean embedsIpv4 = (first == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) // NAT64 64:ff9b::/96
                    || isIpv4Compatible(b);
            if (embedsIpv4) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (java.net.UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isIpv4Compatible(byte[] b) {
        for (int i = 0; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
