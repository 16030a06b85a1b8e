package io.gatehouse.access;

/**
 * A user, group or Space id that is not one of this company's. Another company's ids are "not found",
 * never "forbidden", so they reveal nothing about other tenants.
 */
public class NotInCompanyException extends RuntimeException {

    public NotInCompanyException(String what, Object id) {
        super(what + " " + id + " not found in this company.");
    }
}
