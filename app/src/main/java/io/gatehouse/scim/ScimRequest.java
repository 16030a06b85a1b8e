package io.gatehouse.scim;

import io.gatehouse.tenancy.Company;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the SCIM filter learned about a request (the company its token belongs to) and what the
 * controllers tell the provisioning log (resource type, id, outcome). Lives in a request attribute.
 */
public final class ScimRequest {

    private static final String ATTRIBUTE = ScimRequest.class.getName();

    private final Company company;
    private String resourceType;
    private String resourceId;
    private String outcome;
    private String scimType;

    ScimRequest(Company company) {
        this.company = company;
    }

    static ScimRequest of(HttpServletRequest request) {
        return (ScimRequest) request.getAttribute(ATTRIBUTE);
    }

    void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    public Company company() {
        return company;
    }

    void resource(String type, String id) {
        this.resourceType = type;
        this.resourceId = id;
    }

    void outcome(String summary) {
        this.outcome = summary;
    }

    /** A refused request: the RFC 7644 scimType (may be null) and the detail sent to the client. */
    void failed(String type, String detail) {
        this.scimType = type;
        this.outcome = detail;
    }

    String scimType() {
        return scimType;
    }

    String resourceType() {
        return resourceType;
    }

    String resourceId() {
        return resourceId;
    }

    String outcome() {
        return outcome;
    }
}
