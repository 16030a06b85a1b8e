package io.gatehouse.access;

/**
 * Refuses a change by the support team or a company administrator that would leave the company without an
 * active administrator. Thrown inside the changing transaction, so nothing changes. See {@link AdministratorSafety}.
 */
public class LastAdministratorException extends RuntimeException {

    public LastAdministratorException(String whom) {
        super("Refused: " + whom + " is the company's last active administrator: without them nobody could sign in to manage its "
                + "settings, users or user groups. Nothing was changed. First another administrator must exist: create "
                + "one (support console: Create administrator and setup link; operator API: POST "
                + "/operator/v1/companies/{id}/admins), or give an active user the Administrator role, directly or "
                + "through a group; then try again.");
    }
}
