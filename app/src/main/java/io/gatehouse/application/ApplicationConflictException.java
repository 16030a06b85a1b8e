package io.gatehouse.application;

/** A change the application's state does not allow (a secret for a public client, too many active keys): 409. */
public class ApplicationConflictException extends RuntimeException {

    public ApplicationConflictException(String detail) {
        super(detail);
    }
}
