package io.gatehouse.scim.core.schema;

/** The "uniqueness" characteristic of RFC 7643 section 7. */
public enum Uniqueness {
    NONE("none"),
    SERVER("server"),
    GLOBAL("global");

    private final String scimName;

    Uniqueness(String scimName) {
        this.scimName = scimName;
    }

    public String scimName() {
        return scimName;
    }
}
