package io.gatehouse.scim.core.schema;

import static io.gatehouse.scim.core.schema.AttributeType.COMPLEX;
import static io.gatehouse.scim.core.schema.AttributeType.DATE_TIME;
import static io.gatehouse.scim.core.schema.AttributeType.REFERENCE;
import static io.gatehouse.scim.core.schema.AttributeType.STRING;

import java.util.List;

/**
 * Entry point to the schema model: the Group schema (RFC 7643 sections 4.2 and 8.7.1), the common
 * attributes (RFC 7643 section 3.1) and the two resource types this service exposes.
 */
public final class ScimSchemas {

    public static final String GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String SCHEMA_URN = "urn:ietf:params:scim:schemas:core:2.0:Schema";
    public static final String RESOURCE_TYPE_URN = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

    /**
     * displayName is declared required and server-unique: RFC 7643 section 4.2 calls it REQUIRED
     * (the section 8.7.1 listing says otherwise) and Entra matches groups on it.
     */
    public static final SchemaDefinition GROUP = new SchemaDefinition(GROUP_URN, "Group", "Group", List.of(
            externalId(),
            AttributeDefinition.builder("displayName", STRING).required().uniqueness(Uniqueness.SERVER)
                    .description("A human-readable name for the Group. REQUIRED.").build(),
            AttributeDefinition.builder("members", COMPLEX).multiValued()
                    .description("A list of members of the Group.")
                    .subAttributes(
                            AttributeDefinition.builder("value", STRING).caseExact().mutability(Mutability.IMMUTABLE)
                                    .description("Identifier of the member of this Group.").build(),
                            AttributeDefinition.builder("$ref", REFERENCE).referenceTypes("User", "Group")
                                    .mutability(Mutability.IMMUTABLE)
                                    .description("The URI of the member resource.").build(),
                            AttributeDefinition.builder("type", STRING).canonicalValues("User", "Group")
                                    .mutability(Mutability.IMMUTABLE)
                                    .description("The type of the member: 'User' or 'Group'.").build(),
                            AttributeDefinition.builder("display", STRING).mutability(Mutability.READ_ONLY)
                                    .description("A human-readable name of the member.").build())
                    .build()));

    public static final AttributeDefinition ID = AttributeDefinition.builder("id", STRING)
            .caseExact().mutability(Mutability.READ_ONLY).returned(Returned.ALWAYS).uniqueness(Uniqueness.SERVER)
            .description("Unique identifier assigned by the service provider.").build();

    public static final AttributeDefinition META = AttributeDefinition.builder("meta", COMPLEX)
            .mutability(Mutability.READ_ONLY).description("Resource metadata.")
            .subAttributes(
                    readOnly("resourceType", STRING).caseExact().build(),
                    readOnly("created", DATE_TIME).build(),
                    readOnly("lastModified", DATE_TIME).build(),
                    readOnly("location", REFERENCE).caseExact().referenceTypes("uri").build(),
                    readOnly("version", STRING).caseExact().build())
            .build();

    public static final ResourceSchema USER_RESOURCE = new ResourceSchema("User", "/Users", "User Account",
            UserSchema.CORE, List.of(UserSchema.ENTERPRISE), List.of(ID, META));

    public static final ResourceSchema GROUP_RESOURCE = new ResourceSchema("Group", "/Groups", "Group",
            GROUP, List.of(), List.of(ID, META));

    private ScimSchemas() {
    }

    /** All schemas served by {@code /Schemas}, in the order Entra's tutorial lists them. */
    public static List<SchemaDefinition> all() {
        return List.of(UserSchema.CORE, GROUP, UserSchema.ENTERPRISE);
    }

    public static List<ResourceSchema> resourceTypes() {
        return List.of(USER_RESOURCE, GROUP_RESOURCE);
    }

    static AttributeDefinition externalId() {
        return AttributeDefinition.builder("externalId", STRING).caseExact()
                .description("Identifier of the resource as defined by the provisioning client.").build();
    }

    private static AttributeDefinition.Builder readOnly(String name, AttributeType type) {
        return AttributeDefinition.builder(name, type).mutability(Mutability.READ_ONLY);
    }
}
