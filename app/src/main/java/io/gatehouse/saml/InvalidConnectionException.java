package io.gatehouse.saml;

import java.util.List;

/** A SAML connection change refused, with one error per offending field so the admin sees them all. */
public class InvalidConnectionException extends RuntimeException {

    /** @param field where, e.g. "IDPSSODescriptor/SingleSignOnService", "metadataUrl" or "linkBy" */
    public record FieldError(String field, String message) {}

    private final List<FieldError> errors;

    public InvalidConnectionException(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public static InvalidConnectionException of(String field, String message) {
        return new InvalidConnectionException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        StringBuilder b = new StringBuilder("The SAML connection was not saved");
        errors.forEach(e -> b.append("; ").append(e.field()).append(": ").append(e.message()));
        return b.append('.').toString();
    }
}
