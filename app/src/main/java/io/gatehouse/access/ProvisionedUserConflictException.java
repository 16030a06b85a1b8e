package io.gatehouse.access;

/**
 * A break-glass administrator asked for with the userName of a user provisioned by the identity provider.
 * That account belongs to Entra (which may delete it at any time), so it cannot be the break-glass account.
 */
public class ProvisionedUserConflictException extends RuntimeException {

    public ProvisionedUserConflictException(String userName) {
        super("A user with userName \"" + userName + "\" is provisioned by the company's identity provider, so it "
                + "cannot be a break-glass administrator. Give it the Administrator role through the roles API, or "
                + "create the break-glass administrator with another address.");
    }
}
