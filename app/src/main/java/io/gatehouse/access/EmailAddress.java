package io.gatehouse.access;

/**
 * A plain check of the email address a break-glass administrator is created with. Deliberately simple (one
 * {@code @}, a dotted domain, no spaces or characters that need quoting): the address becomes the account's
 * userName and sign-in name, and the setup link goes to it, so an odd address is rejected rather than guessed.
 */
final class EmailAddress {

    static final int MAX_LENGTH = 254;
    private static final String FORBIDDEN = "<>()[]\\,;:\"";

    private EmailAddress() {}

    /** @return the address without surrounding spaces; @throws IllegalArgumentException when it is not one */
    static String normalize(String email) {
        String e = email == null ? "" : email.strip();
        int at = e.indexOf('@');
        boolean ok = !e.isEmpty() && e.length() <= MAX_LENGTH && at > 0 && at == e.lastIndexOf('@')
                && at <= 64 && validDomain(e.substring(at + 1))
                && e.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                        || FORBIDDEN.indexOf(c) >= 0);
        if (!ok) {
            throw new IllegalArgumentException("email must be an email address such as admin@example.com; got "
                    + (email == null ? "nothing" : "\"" + email + "\""));
        }
        return e;
    }

    private static boolean validDomain(String domain) {
        return domain.contains(".") && !domain.startsWith(".") && !domain.endsWith(".") && !domain.contains("..");
    }
}
