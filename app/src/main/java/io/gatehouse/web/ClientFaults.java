package io.gatehouse.web;

import java.sql.SQLException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Failures that are the client's fault although they surface as exceptions from deep inside the container, the
 * framework or the database, wherever a query string, form or multipart body is first read or a text is first
 * stored: a 400 (or 413), never a 500.
 */
public final class ClientFaults {

    static final String MALFORMED_PARAMETERS = "The query string or form body cannot be read: it is not valid "
            + "percent-encoded UTF-8, or it has more than 1,000 parameters.";
    static final String MALFORMED_MULTIPART = "The multipart body is malformed (no boundary, or cut short).";
    static final String TOO_LARGE_MULTIPART = "The multipart body is larger than this service accepts.";
    static final String REJECTED = "The request contains characters this service does not accept in a header or "
            + "parameter name or value.";
    static final String UNREADABLE = "The request body cannot be read: it is not valid JSON or form data, or a value "
            + "has the wrong type or contains a NUL or an unpaired surrogate.";
    static final String UNSUPPORTED_TYPE = "The Content-Type is not a concrete media type (it is a wildcard or "
            + "malformed).";
    static final String TOO_LONG = "A value is longer than this service stores (most texts hold at most 512 "
            + "characters); nothing was changed.";
    static final String NOT_STORABLE = "A value contains a character this service cannot store (NUL); nothing was "
            + "changed.";

    private static final int MAX_CAUSES = 16;

    private ClientFaults() {
    }

    /** The refusal for a client fault in {@code failure}'s cause chain, or null when it is a server fault. */
    public static Refusal of(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (t instanceof InvalidParameterException e) {
                int status = e.getErrorCode() >= 400 && e.getErrorCode() < 500 ? e.getErrorCode() : 400;
                return Refusal.of(status, MALFORMED_PARAMETERS);
            }
            if (t instanceof MaxUploadSizeExceededException) {
                return Refusal.of(413, TOO_LARGE_MULTIPART);
            }
            if (t instanceof MultipartException) {
                return Refusal.of(400, MALFORMED_MULTIPART);
            }
            if (t instanceof HttpMessageNotReadableException) {
                return Refusal.of(400, UNREADABLE);
            }
            if (t instanceof RequestRejectedException) {
                return Refusal.of(400, REJECTED);
            }
            // SQLSTATE 22001 "string data, right truncation" (H2 and PostgreSQL) and 22021 "character not in
            // repertoire" (PostgreSQL, for NUL): the statement failed on the client's text and its transaction rolled
            // back. RFC 7644 section 3.12 calls it invalidValue on SCIM paths.
            if (t instanceof SQLException sql && "22001".equals(sql.getSQLState())) {
                return new Refusal(400, "invalidValue", TOO_LONG);
            }
            if (t instanceof SQLException sql && "22021".equals(sql.getSQLState())) {
                return new Refusal(400, "invalidValue", NOT_STORABLE);
            }
        }
        return null;
    }

    /**
     * As {@link #of(Throwable)}, and an IllegalArgumentException of a request whose Content-Type is no concrete media
     * type ({@code *}{@code /*}, a wildcard subtype, unparsable): Spring MVC asserts it while reading a body.
     */
    public static Refusal of(Throwable failure, String contentType) {
        Refusal refusal = of(failure);
        if (refusal == null && failure instanceof IllegalArgumentException && !isConcrete(contentType)) {
            return Refusal.of(415, UNSUPPORTED_TYPE);
        }
        return refusal;
    }

    private static boolean isConcrete(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
