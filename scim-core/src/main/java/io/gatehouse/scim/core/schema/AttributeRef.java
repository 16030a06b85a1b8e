package io.gatehouse.scim.core.schema;

/**
 * An attribute name resolved against a resource type: the schema it belongs to, the top-level
 * attribute and, for a dotted name such as {@code name.givenName}, the sub-attribute (else null).
 *
 * @param extension true when the attribute lives in an extension schema, i.e. is stored under the
 *                  extension URN object of the resource (RFC 7643 section 3.3)
 */
public record AttributeRef(SchemaDefinition schema, boolean extension, AttributeDefinition attribute,
                           AttributeDefinition subAttribute) {

    public boolean hasSubAttribute() {
        return subAttribute != null;
    }

    /** The canonical, fully-spelled name: {@code name.givenName}, or {@code urn:...:User:manager} for extensions. */
    public String canonicalName() {
        String base = extension ? schema.id() + ":" + attribute.name() : attribute.name();
        return subAttribute == null ? base : base + "." + subAttribute.name();
    }

    /** The attribute this reference finally designates (the sub-attribute when there is one). */
    public AttributeDefinition target() {
        return subAttribute != null ? subAttribute : attribute;
    }
}
