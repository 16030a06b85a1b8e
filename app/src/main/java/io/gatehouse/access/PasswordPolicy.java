package io.gatehouse.access;

/**
 * What a break-glass password must be: long (at least 12 characters), not absurdly long (at most 256, so
 * nobody makes us hash megabytes), and not made of one repeated character. Length beats composition rules
 * (NIST SP 800-63B); the account is also protected by being outside the identity provider's reach only
 * for emergencies.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 256;

    private PasswordPolicy() {}

    /** @throws PasswordRejectedException with a sentence for the person choosing the password */
    static void check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new PasswordRejectedException("Choose a password of at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            throw new PasswordRejectedException("Choose a password of at most " + MAX_LENGTH + " characters.");
        }
        if (password.codePoints().distinct().count() == 1) {
            throw new PasswordRejectedException("Choose a password that is not one repeated character.");
        }
    }
}
