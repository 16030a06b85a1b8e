package io.gatehouse.access;

/** A new password that does not meet {@link PasswordPolicy}; the setup link stays usable. */
public class PasswordRejectedException extends RuntimeException {

    public PasswordRejectedException(String message) {
        super(message);
    }
}
