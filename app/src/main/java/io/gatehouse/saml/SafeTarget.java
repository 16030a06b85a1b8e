package io.gatehouse.saml;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a browser may be sent after sign-in: only a path on this site. Anything else falls back to the
 * landing page, so a crafted link or RelayState can never turn sign-in into an open redirect.
 */
public final class SafeTarget {

    static final String DEFAULT = "/app";
    private static final int MAX_LENGTH = 1024;

    private SafeTarget() {}

    public static String orDefault(String candidate) {
        return isSafe(candidate) ? candidate : DEFAULT;
    }

    /**
     * A single leading slash and a path that browsers cannot read as another origin: no "//" or "/\"
     * (protocol-relative), no backslash anywhere (browsers treat it as a slash), no control characters or
     * whitespace, and no scheme or authority once parsed.
     */
    static boolean isSafe(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH
                || candidate.charAt(0) != '/') {
            return false;
        }
        if (candidate.length() > 1 && (candidate.charAt(1) == '/' || candidate.charAt(1) == '\\')) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c == '\\' || c <= 0x20 || c == 0x7F || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        try {
            URI uri = new URI(candidate);
            return uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawPath() != null
                    && uri.getRawPath().startsWith("/");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
