package io.gatehouse.access;

/** A setup link that cannot be used; the reason is safe to show to whoever holds the link. */
public class SetupLinkException extends RuntimeException {

    public enum Reason {
        /** Unknown token, malformed token, or its user no longer exists. */
        INVALID("This setup link is not valid. Ask the support team for a new one."),
        EXPIRED("This setup link has expired. Ask the support team for a new one."),
        /** Already redeemed, or replaced by a newer link for the same account. */
        USED("This setup link has already been used. Ask the support team for a new one if you need it.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }
    }

    private final Reason reason;

    public SetupLinkException(Reason reason) {
        super(reason.message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
