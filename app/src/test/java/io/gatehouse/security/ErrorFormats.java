package io.gatehouse.security;

import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an error answer of each path family must look like: the product's own format, never a framework's default
 * body or the container's report. Used by the hostile-input tests, which know each request's family by construction.
 */
final class ErrorFormats {

    enum Family {
        SCIM, SIGN_IN, CONSOLE, SUPPORT, OPERATOR, API,
        /** A request Tomcat cannot parse far enough to see its path. */
        UNKNOWN
    }

    static final String SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    /** RFC 7644 section 3.12, table 9. */
    static final Set<String> SCIM_TYPES = Set.of("invalidFilter", "tooMany", "uniqueness", "mutability",
            "invalidSyntax", "invalidPath", "noTarget", "invalidValue", "invalidVers", "sensitive");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] FOREIGN = {"Whitelabel Error Page", "HTTP Status ", "Apache Tomcat", "\"timestamp\"",
            "\"error\":\"Bad Request\"", "\"error\":\"Not Found\"", "\"error\":\"Forbidden\""};

    private ErrorFormats() {
    }

    /** Why {@code r} is not an error answer in {@code family}'s format, or null when it is. */
    static String problem(Family family, String method, RawHttp.Response r) {
        if (r.status() < 0) {
            return family == Family.UNKNOWN ? null : "no HTTP answer";
        }
        for (String foreign : FOREIGN) {
            if (r.body().contains(foreign)) {
                return "a framework's or the container's body (" + foreign + ")";
            }
        }
        boolean head = method.equals("HEAD");
        return switch (family) {
            case SCIM -> scim(r, head);
            case OPERATOR -> operator(r, head);
            case API -> problem(r, head);
            case CONSOLE -> page(r, head, "/console/assets/console.css", " · Gatehouse</title>");
            case SUPPORT -> page(r, head, null, " · Gatehouse support</title>");
            case SIGN_IN -> page(r, head, null, " · Gatehouse</title>");
            case UNKNOWN -> unknown(method, r);
        };
    }

    private static String scim(RawHttp.Response r, boolean head) {
        if (!r.contentType().startsWith("application/scim+json")) {
            return "Content-Type " + r.contentType() + " instead of application/scim+json";
        }
        if (head) {
            return null;
        }
        JsonNode json = parse(r.body());
        if (json == null || !json.path("schemas").isArray() || json.path("schemas").size() != 1
                || !SCIM_ERROR.equals(json.path("schemas").path(0).asString())) {
            return "not a SCIM error body";
        }
        if (!json.path("status").isString() || !json.path("status").asString().equals(Integer.toString(r.status()))) {
            return "SCIM status is not the HTTP status as a string";
        }
        if (json.has("scimType") && !SCIM_TYPES.contains(json.path("scimType").asString())) {
            return "scimType " + json.path("scimType") + " is not one of RFC 7644's";
        }
        return json.path("detail").asString("").isBlank() ? "SCIM error without detail" : null;
    }

    private static String operator(RawHttp.Response r, boolean head) {
        if (!r.contentType().startsWith("application/json")) {
            return "Content-Type " + r.contentType() + " instead of application/json";
        }
        if (head) {
            return null;
        }
        JsonNode json = parse(r.body());
        if (json == null || !json.path("error").isString() || !json.path("error").asString().matches("[a-z_]+")
                || json.path("detail").asString("").isBlank() || json.size() != 2) {
            return "not the operator API's {error, detail} body";
        }
        return null;
    }

    /**
     * RFC 9457: {@code application/problem+json} with title, status (the HTTP status) and detail; type, when present,
     * a string (absent means "about:blank", section 3.1.1).
     */
    private static String problem(RawHttp.Response r, boolean head) {
        if (!r.contentType().startsWith("application/problem+json")) {
            return "Content-Type " + r.contentType() + " instead of application/problem+json";
        }
        if (head) {
            return null;
        }
        JsonNode json = parse(r.body());
        if (json == null || (json.has("type") && !json.path("type").isString()) || !json.path("title").isString()
                || json.path("status").asInt() != r.status() || json.path("detail").asString("").isBlank()) {
            return "not an RFC 9457 problem with title, status and detail";
        }
        return null;
    }

    private static String page(RawHttp.Response r, boolean head, String stylesheet, String titleEnd) {
        if (!r.contentType().startsWith("text/html")) {
            return "Content-Type " + r.contentType() + " instead of text/html";
        }
        if (head) {
            return null;
        }
        if (!r.body().contains(titleEnd) || (stylesheet != null && !r.body().contains(stylesheet))) {
            return "not this family's page (title ending '" + titleEnd.trim() + "'"
                    + (stylesheet == null ? "" : " and " + stylesheet) + ")";
        }
        if (!titleEnd.contains("support") && r.body().contains(" · Gatehouse support</title>")) {
            return "the support console's page on another family's path";
        }
        return null;
    }

    /**
     * Without a path the family is unknown: the product's plain-text refusal ("400 Bad request: …"), or, where Tomcat
     * got as far as the path after all, that path's family's format.
     */
    private static String unknown(String method, RawHttp.Response r) {
        if (r.contentType().startsWith("text/plain")) {
            return method.equals("HEAD") || r.body().startsWith(r.status() + " ") ? null : "not the plain refusal";
        }
        for (Family family : Family.values()) {
            if (family != Family.UNKNOWN && problem(family, method, r) == null) {
                return null;
            }
        }
        return "neither the plain refusal nor any family's format";
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
