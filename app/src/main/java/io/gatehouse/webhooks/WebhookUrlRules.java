package io.gatehouse.webhooks;

import io.gatehouse.application.UriRules;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs a webhook endpoint may have (server-side request forgery): the shape rules of outbound endpoints
 * ({@link UriRules#outboundEndpointProblem}), https only (http only to a loopback host while
 * {@code gatehouse.events.webhooks.allow-http-loopback} is on, for development), and a host whose every resolved
 * address is public: no loopback (unless that setting), link-local (169.254/16 holds the cloud metadata
 * services), private (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT (100.64/10), unspecified or
 * multicast address. Checked when the endpoint is saved and again before every delivery (a name may be re-pointed).
 */
final class WebhookUrlRules {

    /** Resolves a host name; a seam for tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowHttpLoopback;
    private final Resolver resolver;

    WebhookUrlRules(boolean allowHttpLoopback, Resolver resolver) {
        this.allowHttpLoopback = allowHttpLoopback;
        this.resolver = resolver;
    }

    /** Why {@code url} may not be a webhook endpoint; empty when it may. */
    Optional<String> problem(String url) {
        Optional<String> shape = UriRules.outboundEndpointProblem(url);
        if (shape.isPresent()) {
            return shape;
        }
        URI uri = URI.create(url);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        boolean loopback = addresses.length > 0;
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                loopback = false;
                if (!isPublic(address)) {
                    return Optional.of("resolves to a private, link-local or metadata address (" + address.getHostAddress()
                            + "); webhooks are only sent to public addresses");
                }
            }
        }
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        if (loopback && !allowHttpLoopback) {
            return Optional.of("resolves to a loopback address; webhooks are only sent to public addresses");
        }
        if (!https && !(loopback && allowHttpLoopback)) {
            return Optional.of("must use https");
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()
                || a.isLoopbackAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128)
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) && first < 224;
        }
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc && !isMappedPrivate(b);
        }
        return false;
    }

    /** An IPv4-mapped IPv6 address (::ffff:a.b.c.d) of a non-public IPv4 address. */
    private static boolean isMappedPrivate(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        if ((b[10] & 0xff) != 0xff || (b[11] & 0xff) != 0xff) {
            return false;
        }
        try {
            return !isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
