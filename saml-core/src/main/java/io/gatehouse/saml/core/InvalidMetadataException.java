package io.gatehouse.saml.core;

import java.util.List;

/** Metadata that cannot configure a connection, with one error per offending field. */
public final class InvalidMetadataException extends Exception {

    private final List<FieldError> errors;

    public InvalidMetadataException(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /**
     * @param field where in the metadata, e.g. "IDPSSODescriptor/SingleSignOnService"
     * @param message what an admin should fix
     */
    public record FieldError(String field, String message) {
    }

    private static String summary(List<FieldError> errors) {
        StringBuilder b = new StringBuilder("invalid IdP metadata");
        for (FieldError e : errors) {
            b.append("; ").append(e.field()).append(": ").append(e.message());
        }
        return b.toString();
    }
}
