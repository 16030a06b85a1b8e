package io.gatehouse.access;

/**
 * Refuses to delete or deactivate a break-glass administrator (a LOCAL user holding the Administrator role
 * directly). Thrown inside the deleting transaction, so nothing changes. See {@link BreakGlassGuard}.
 */
public class ProtectedAdminException extends RuntimeException {

    public ProtectedAdminException(String message) {
        super(message);
    }
}
