package io.gatehouse.web;

/**
 * A refused request, as every path family words it: the HTTP status, the RFC 7644 {@code scimType} where that RFC
 * defines one for the case (used by SCIM only; null otherwise), and a plain-words detail for the client. Never a
 * framework's or the container's own message, which may quote the request back or name internals.
 */
public record Refusal(int status, String scimType, String detail) {

    public static Refusal of(int status, String detail) {
        return new Refusal(status, null, detail);
    }

    /** The refusal for a bare status, as set by the container or the framework without an explanation of ours. */
    public static Refusal forStatus(int status) {
        return of(status, switch (status) {
            case 400 -> "The request is malformed.";
            case 401 -> "Authentication is required.";
            case 403 -> "Access denied.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This method is not supported at this address.";
            case 406 -> "The answer cannot be given in the media type the Accept header asks for.";
            case 408 -> "The request took too long to arrive.";
            case 411 -> "A Content-Length header is required.";
            case 413 -> "The request is too large.";
            case 414 -> "The address is too long.";
            case 415 -> "This content type is not accepted here.";
            case 417 -> "The Expect header asks for something this service does not do; send the request without it.";
            case 429 -> "Too many requests; retry later.";
            case 431 -> "The request headers are too large.";
            case 503 -> "The service is busy; retry after a short pause.";
            default -> status >= 500 ? "Internal error; nothing was changed." : "The request was refused.";
        });
    }

    /** A short heading for a page. */
    public String title() {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Sign-in required";
            case 403 -> "Access denied";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413, 431 -> "Request too large";
            case 415 -> "Unsupported content type";
            case 429 -> "Too many requests";
            case 503 -> "Service busy";
            default -> status >= 500 ? "Something went wrong" : "Request refused";
        };
    }

    /** The machine-readable code of the operator API's error JSON. */
    public String code() {
        return switch (status) {
            case 400, 411, 414, 417 -> "invalid_request";
            case 401 -> "unauthorized";
            case 403 -> "access_denied";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413, 431 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_requests";
            case 503 -> "busy";
            default -> status >= 500 ? "internal_error" : "invalid_request";
        };
    }
}
