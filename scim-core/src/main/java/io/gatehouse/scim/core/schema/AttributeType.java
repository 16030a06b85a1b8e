package io.gatehouse.scim.core.schema;

/** Attribute data types of RFC 7643 section 2.3, with the spelling used in schema JSON (section 7). */
public enum AttributeType {
    STRING("string"),
    BOOLEAN("boolean"),
    DECIMAL("decimal"),
    INTEGER("integer"),
    DATE_TIME("dateTime"),
    BINARY("binary"),
    REFERENCE("reference"),
    COMPLEX("complex");

    private final String scimName;

    AttributeType(String scimName) {
        this.scimName = scimName;
    }

    public String scimName() {
        return scimName;
    }

    /** Types whose JSON representation is a string (RFC 7643 sections 2.3.1, 2.3.5-2.3.7). */
    public boolean isStringLike() {
        return this == STRING || this == DATE_TIME || this == BINARY || this == REFERENCE;
    }
}
