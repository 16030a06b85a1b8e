package io.gatehouse.scim.core;

/**
 * A SCIM protocol error: HTTP status, optional {@code scimType} and a human-readable detail
 * (RFC 7644 section 3.12). The one exception type the SCIM layer throws for bad requests; one
 * handler in the web adapter turns it into error JSON.
 */
public class ScimException extends RuntimeException {

    private final int status;
    private final String scimType;

    public ScimException(int status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    public int status() {
        return status;
    }

    /** May be null (e.g. 404, 401). */
    public String scimType() {
        return scimType;
    }

    public String detail() {
        return getMessage();
    }

    public static ScimException invalidFilter(String detail) {
        return new ScimException(400, "invalidFilter", detail);
    }

    public static ScimException invalidSyntax(String detail) {
        return new ScimException(400, "invalidSyntax", detail);
    }

    public static ScimException invalidValue(String detail) {
        return new ScimException(400, "invalidValue", detail);
    }

    public static ScimException invalidPath(String detail) {
        return new ScimException(400, "invalidPath", detail);
    }

    public static ScimException noTarget(String detail) {
        return new ScimException(400, "noTarget", detail);
    }

    public static ScimException mutability(String detail) {
        return new ScimException(400, "mutability", detail);
    }

    public static ScimException uniqueness(String detail) {
        return new ScimException(409, "uniqueness", detail);
    }

    public static ScimException notFound(String detail) {
        return new ScimException(404, null, detail);
    }
}
