package io.gatehouse.scim.core.schema;

/** The "returned" characteristic of RFC 7643 section 7; drives attribute selection (RFC 7644 section 3.4.2.5). */
public enum Returned {
    ALWAYS("always"),
    NEVER("never"),
    DEFAULT("default"),
    REQUEST("request");

    private final String scimName;

    Returned(String scimName) {
        this.scimName = scimName;
    }

    public String scimName() {
        return scimName;
    }
}
