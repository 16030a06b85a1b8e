package io.gatehouse.access;

/**
 * A protected action refused because the person lacks a permission. Carries the missing permission so
 * that a page can say exactly what to ask the company administrator for.
 */
public class AccessDeniedException extends RuntimeException {

    private final transient Permission missing;

    public AccessDeniedException(Permission missing) {
        this(missing, "This requires the permission \"" + missing.label() + "\" (" + missing + "). "
                + "Ask your company administrator to grant it.");
    }

    public AccessDeniedException(Permission missing, String message) {
        super(message);
        this.missing = missing;
    }

    public Permission missing() {
        return missing;
    }
}
