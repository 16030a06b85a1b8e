package io.gatehouse.application;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which URIs a product application may register. Plain Java: given a string, the reason it is refused or nothing.
 *
 * <p>Redirect URIs (sign-in and post-logout) are compared later by exact string match (OAuth 2.0 Security BCP,
 * RFC 9700 §2.1), so they are stored as given and must be absolute, without fragment (RFC 6749 §3.1.2) or user
 * information, https — or http to a loopback IP literal, for development (RFC 8252 §7.3). {@code localhost} is
 * refused in favour of {@code 127.0.0.1}: RFC 8252 §8.3 advises against it and Spring Authorization Server refuses
 * such a redirect_uri at the authorization endpoint, so it would be a registration that can never work.
 *
 * <p>Outbound endpoints (the back-channel logout URI that Gatehouse itself calls) follow the same shape rules,
 * may also use {@code http://localhost}, and must not name a link-local, unspecified or cloud metadata address
 * literally. Names are not resolved here: whoever sends to the URL checks the resolved address at send time.
 */
public final class UriRules {

    public static final int MAX_LENGTH = 2048;

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern NUMERIC_HOST = Pattern.compile("(0x[0-9a-f]+|[0-9.]+)(\\.(0x[0-9a-f]+|[0-9]+))*");
    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata");
    /** The IPv6 address of the AWS instance metadata service (the IPv4 one, 169.254.169.254, is link-local). */
    private static final InetAddress AWS_METADATA_V6 = literal("[fd00:ec2::254]").orElseThrow();

    private UriRules() {}

    /** Why {@code uri} cannot be a sign-in or post-logout redirect URI; empty when it can. */
    public static Optional<String> redirectUriProblem(String uri) {
        return problem(uri, (parsed, host) -> host.equals("localhost")
                ? Optional.of("must use the loopback address 127.0.0.1 (or [::1]) instead of localhost")
                : schemeProblem(parsed, isLoopbackLiteral(host)));
    }

    /** Why {@code uri} cannot be an endpoint Gatehouse calls (back-channel logout); empty when it can. */
    public static Optional<String> outboundEndpointProblem(String uri) {
        return problem(uri, (parsed, host) -> {
            if (METADATA_HOSTS.contains(host) || isForbiddenLiteral(host)) {
                return Optional.of("must not point at a link-local, unspecified or cloud metadata address");
            }
            if (NUMERIC_HOST.matcher(host).matches() && !IPV4.matcher(host).matches()) {
                return Optional.of("must write an IPv4 address as four decimal numbers");
            }
            return schemeProblem(parsed, host.equals("localhost") || isLoopbackLiteral(host));
        });
    }

    /** The shape problem, else what {@code rule} says about the parsed URI and its lower-cased host. */
    private static Optional<String> problem(String uri, BiFunction<URI, String, Optional<String>> rule) {
        Optional<String> shape = shapeProblem(uri);
        if (shape.isPresent()) {
            return shape;
        }
        URI parsed = URI.create(uri);
        return rule.apply(parsed, parsed.getHost().toLowerCase(Locale.ROOT));
    }

    private static Optional<String> schemeProblem(URI uri, boolean loopback) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || (scheme.equals("http") && loopback)) {
            return Optional.empty();
        }
        if (scheme.equals("http")) {
            return Optional.of("must use https (http only for the loopback address 127.0.0.1 or [::1])");
        }
        return Optional.of("must use https");
    }

    /** Absolute, with a host, no fragment or user information, visible ASCII only. */
    private static Optional<String> shapeProblem(String uri) {
        if (uri == null || uri.isEmpty()) {
            return Optional.of("is empty");
        }
        if (uri.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return Optional.of("may contain only visible ASCII characters (percent-encode the others)");
            }
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URI");
        }
        if (!parsed.isAbsolute() || parsed.isOpaque()) {
            return Optional.of("must be an absolute URI such as https://app.example.com/callback");
        }
        if (uri.indexOf('#') >= 0) {
            return Optional.of("must not contain a fragment (#…)");
        }
        if (parsed.getRawUserInfo() != null) {
            return Optional.of("must not contain user information (user@…)");
        }
        if (parsed.getHost() == null || parsed.getHost().isEmpty()) {
            return Optional.of("must name a host");
        }
        return Optional.empty();
    }

    /** 127.0.0.0/8 or ::1, written as an IP literal. */
    static boolean isLoopbackLiteral(String host) {
        Matcher v4 = IPV4.matcher(host);
        if (v4.matches()) {
            return validOctets(v4) && Integer.parseInt(v4.group(1)) == 127;
        }
        return literal(host).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    private static boolean isForbiddenLiteral(String host) {
        Matcher v4 = IPV4.matcher(host);
        if (v4.matches() && !validOctets(v4)) {
            return false;
        }
        return literal(host).map(a -> a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.equals(AWS_METADATA_V6)).orElse(false);
    }

    private static boolean validOctets(Matcher v4) {
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(v4.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }

    /** The address of an IPv4 dotted-quad or bracketed IPv6 literal; never a name lookup. */
    private static Optional<InetAddress> literal(String host) {
        boolean v6 = host.startsWith("[") && host.endsWith("]");
        if (!v6 && !IPV4.matcher(host).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(v6 ? host.substring(1, host.length() - 1) : host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
