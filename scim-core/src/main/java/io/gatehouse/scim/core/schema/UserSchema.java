package io.gatehouse.scim.core.schema;

import static io.gatehouse.scim.core.schema.AttributeType.BINARY;
import static io.gatehouse.scim.core.schema.AttributeType.BOOLEAN;
import static io.gatehouse.scim.core.schema.AttributeType.COMPLEX;
import static io.gatehouse.scim.core.schema.AttributeType.REFERENCE;
import static io.gatehouse.scim.core.schema.AttributeType.STRING;

import java.util.List;

/**
 * The core User schema (RFC 7643 sections 4.1 and 8.7.1) and the Enterprise User extension
 * (RFC 7643 sections 4.3 and 8.7.1), as this service stores them.
 *
 * <p>Deliberate departures from the RFC listing, both for the Microsoft Entra client:
 * <ul>
 *   <li>{@code password} is not declared: the service does single sign-on and never stores
 *       credentials, and the Entra SCIM validator reports a declared password as unsupported.
 *       Normalisation drops it and PATCH ignores it.</li>
 *   <li>{@code externalId} (a common attribute, RFC 7643 section 3.1) is declared in the core
 *       schema because Entra's default mapping targets it and its schema discovery checks that every
 *       mapped attribute appears in {@code /Schemas}.</li>
 * </ul>
 */
public final class UserSchema {

    public static final String URN = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String ENTERPRISE_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    public static final SchemaDefinition CORE = new SchemaDefinition(URN, "User", "User Account", List.of(
            ScimSchemas.externalId(),
            string("userName", "Unique identifier for the User, typically used to sign in. REQUIRED.")
                    .required().uniqueness(Uniqueness.SERVER).build(),
            AttributeDefinition.builder("name", COMPLEX)
                    .description("The components of the user's name.")
                    .subAttributes(
                            string("formatted", "The full name, formatted for display.").build(),
                            string("familyName", "The family name (last name).").build(),
                            string("givenName", "The given name (first name).").build(),
                            string("middleName", "The middle name(s).").build(),
                            string("honorificPrefix", "The honorific prefix, e.g. 'Ms.'.").build(),
                            string("honorificSuffix", "The honorific suffix, e.g. 'III'.").build())
                    .build(),
            string("displayName", "The name of the User, suitable for display.").build(),
            string("nickName", "The casual way to address the user.").build(),
            AttributeDefinition.builder("profileUrl", REFERENCE).referenceTypes("external")
                    .description("A URI of the User's online profile.").build(),
            string("title", "The user's title, e.g. 'Vice President'.").build(),
            string("userType", "The relationship between the organization and the user.").build(),
            string("preferredLanguage", "Preferred written or spoken language (RFC 7231 Accept-Language).").build(),
            string("locale", "Default location for localisation, e.g. 'en-US'.").build(),
            string("timezone", "Time zone in IANA 'Olson' format, e.g. 'America/Los_Angeles'.").build(),
            AttributeDefinition.builder("active", BOOLEAN)
                    .description("The User's administrative status; false disables sign-in.").build(),
            multi("emails", "Email addresses for the user.",
                    string("value", "Email address.").build(),
                    string("display", "A human-readable name for the address.").build(),
                    string("type", "A label: 'work', 'home' or 'other'.").canonicalValues("work", "home", "other").build(),
                    primary()),
            multi("phoneNumbers", "Phone numbers for the user.",
                    string("value", "Phone number.").build(),
                    string("display", "A human-readable name for the number.").build(),
                    string("type", "A label such as 'work' or 'mobile'.")
                            .canonicalValues("work", "home", "mobile", "fax", "pager", "other").build(),
                    primary()),
            multi("ims", "Instant messaging addresses for the user.",
                    string("value", "Instant messaging address.").build(),
                    string("display", "A human-readable name for the address.").build(),
                    string("type", "The messaging service.")
                            .canonicalValues("aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo").build(),
                    primary()),
            multi("photos", "URLs of photos of the user.",
                    AttributeDefinition.builder("value", REFERENCE).referenceTypes("external")
                            .description("URL of a photo of the user.").build(),
                    string("display", "A human-readable name for the photo.").build(),
                    string("type", "'photo' or 'thumbnail'.").canonicalValues("photo", "thumbnail").build(),
                    primary()),
            multi("addresses", "Physical mailing addresses for the user.",
                    string("formatted", "The full mailing address, formatted for display.").build(),
                    string("streetAddress", "The street address.").build(),
                    string("locality", "The city or locality.").build(),
                    string("region", "The state or region.").build(),
                    string("postalCode", "The zip or postal code.").build(),
                    string("country", "The country name (ISO 3166-1 alpha-2).").build(),
                    string("type", "A label: 'work', 'home' or 'other'.").canonicalValues("work", "home", "other").build(),
                    primary()),
            AttributeDefinition.builder("groups", COMPLEX).multiValued().mutability(Mutability.READ_ONLY)
                    .description("Groups the user belongs to; managed through the Group resource.")
                    .subAttributes(
                            string("value", "The id of the group.").mutability(Mutability.READ_ONLY).caseExact().build(),
                            AttributeDefinition.builder("$ref", REFERENCE).referenceTypes("User", "Group")
                                    .mutability(Mutability.READ_ONLY).description("The URI of the group.").build(),
                            string("display", "The displayName of the group.").mutability(Mutability.READ_ONLY).build(),
                            string("type", "'direct' or 'indirect' membership.").canonicalValues("direct", "indirect")
                                    .mutability(Mutability.READ_ONLY).build())
                    .build(),
            multi("entitlements", "Entitlements held by the user.",
                    string("value", "The value of an entitlement.").build(),
                    string("display", "A human-readable name.").build(),
                    string("type", "A label for the entitlement.").build(),
                    primary()),
            multi("roles", "Roles held by the user.",
                    string("value", "The value of a role.").build(),
                    string("display", "A human-readable name.").build(),
                    string("type", "A label for the role.").build(),
                    primary()),
            multi("x509Certificates", "Certificates issued to the user.",
                    AttributeDefinition.builder("value", BINARY).description("A DER certificate, base64.").build(),
                    string("display", "A human-readable name.").build(),
                    string("type", "A label for the certificate.").build(),
                    primary())));

    public static final SchemaDefinition ENTERPRISE = new SchemaDefinition(ENTERPRISE_URN, "EnterpriseUser",
            "Enterprise User", List.of(
            string("employeeNumber", "Numeric or alphanumeric identifier assigned by the organization.").build(),
            string("costCenter", "Identifies the name of a cost center.").build(),
            string("organization", "Identifies the name of an organization.").build(),
            string("division", "Identifies the name of a division.").build(),
            string("department", "Identifies the name of a department.").build(),
            AttributeDefinition.builder("manager", COMPLEX)
                    .description("The user's manager; 'value' is the manager's id in this service.")
                    .subAttributes(
                            string("value", "The id of the manager's User resource.").caseExact().build(),
                            AttributeDefinition.builder("$ref", REFERENCE).referenceTypes("User")
                                    .description("The URI of the manager's User resource.").build(),
                            string("displayName", "The displayName of the manager.")
                                    .mutability(Mutability.READ_ONLY).build())
                    .build()));

    private UserSchema() {
    }

    private static AttributeDefinition.Builder string(String name, String description) {
        return AttributeDefinition.builder(name, STRING).description(description);
    }

    private static AttributeDefinition primary() {
        return AttributeDefinition.builder("primary", BOOLEAN)
                .description("Marks the preferred value; at most one value may be primary.").build();
    }

    private static AttributeDefinition multi(String name, String description, AttributeDefinition... subs) {
        return AttributeDefinition.builder(name, COMPLEX).multiValued().description(description)
                .subAttributes(subs).build();
    }
}
