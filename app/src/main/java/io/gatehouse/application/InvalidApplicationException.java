package io.gatehouse.application;

/**
 * A registration that cannot be saved, with the field at fault (e.g. {@code redirectUris[1]}). An
 * IllegalArgumentException, so every adapter that answers those with 400 (operator API, support console) does.
 */
public class InvalidApplicationException extends IllegalArgumentException {

    private final String field;

    public InvalidApplicationException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
