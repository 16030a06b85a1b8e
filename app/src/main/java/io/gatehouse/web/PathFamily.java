package io.gatehouse.web;

/**
 * The product surface a request path belongs to, so that a refusal is answered in that surface's own format.
 * Decided from the first path segment of the request URI as sent (undecoded: a refusal may be about the very
 * encoding that makes it undecodable); percent-encoded ASCII in that segment, path parameters, repeated slashes
 * and a backslash in place of a slash are seen through.
 */
public enum PathFamily {

    /** {@code /scim/**}: RFC 7644 error JSON. */
    SCIM,
    /** {@code /saml/**}, {@code /oidc/**}: the sign-in refusal page. */
    SIGN_IN,
    /** {@code /console/**}, {@code /app}, {@code /login}, {@code /logout}, {@code /setup}: the console's page. */
    CONSOLE,
    /** {@code /support/**}: the support console's page. */
    SUPPORT,
    /** {@code /operator/**}: the operator API's JSON. */
    OPERATOR,
    /** {@code /api/**}: the product API's RFC 9457 problem+json. */
    API,
    /** {@code /oauth2/**}, {@code /.well-known/**}: the OpenID Provider's OAuth error JSON (RFC 6749 §5.2). */
    OAUTH,
    /** Anything else (the root, actuator, unknown paths, a request without a usable path): plain text. */
    OTHER;

    private static final int MAX_SEGMENT = 16;

    public static PathFamily of(String rawUri) {
        return switch (firstSegment(rawUri)) {
            case "scim" -> SCIM;
            case "saml", "oidc" -> SIGN_IN;
            case "console", "app", "login", "logout", "setup" -> CONSOLE;
            case "support" -> SUPPORT;
            case "operator" -> OPERATOR;
            case "api" -> API;
            case "oauth2", ".well-known" -> OAUTH;
            default -> OTHER;
        };
    }

    /** The first segment, decoded where it is percent-encoded ASCII, without path parameters; "" if none. */
    static String firstSegment(String rawUri) {
        if (rawUri == null || rawUri.isEmpty() || rawUri.charAt(0) != '/') {
            return "";
        }
        int i = 0;
        while (i < rawUri.length() && rawUri.charAt(i) == '/') {
            i++;
        }
        StringBuilder segment = new StringBuilder();
        while (i < rawUri.length() && segment.length() <= MAX_SEGMENT) {
            char c = rawUri.charAt(i);
            if (c == '%' && i + 2 < rawUri.length() && ascii(rawUri, i + 1) >= 0) {
                c = (char) ascii(rawUri, i + 1);
                i += 2;
            }
            if (c == '/' || c == '\\' || c == ';' || c == '?' || c == '#') {
                break;
            }
            segment.append(c);
            i++;
        }
        return segment.toString();
    }

    /** The ASCII character two hex digits at {@code at} encode, or -1. */
    private static int ascii(String s, int at) {
        int high = Character.digit(s.charAt(at), 16);
        int low = Character.digit(s.charAt(at + 1), 16);
        return high < 0 || low < 0 || high > 7 ? -1 : high * 16 + low;
    }
}
