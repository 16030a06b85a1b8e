package io.gatehouse.application;

/** No application (or no secret, key or company of it) with that id: adapters answer 404. */
public class UnknownApplicationException extends RuntimeException {

    public UnknownApplicationException(String what) {
        super(what + " not found.");
    }
}
