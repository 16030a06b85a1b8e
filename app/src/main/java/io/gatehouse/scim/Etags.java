package io.gatehouse.scim;

import io.gatehouse.scim.core.ScimException;

/** Weak ETags from resource versions (RFC 7644 section 3.14). */
final class Etags {

    private Etags() {}

    static String of(long version) {
        return "W/\"" + version + "\"";
    }

    /** Enforces If-Match: a stale version is 412 and nothing is changed. */
    static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(current) || c.equals(current.substring(2))) {
                return;
            }
        }
        throw new ScimException(412, null, "The resource has changed (its version is now " + current
                + "); fetch it again and retry.");
    }

    static boolean matchesNoneMatch(String ifNoneMatch, long currentVersion) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String current = of(currentVersion);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(current) || c.equals(current.substring(2))) {
                return true;
            }
        }
        return false;
    }
}
