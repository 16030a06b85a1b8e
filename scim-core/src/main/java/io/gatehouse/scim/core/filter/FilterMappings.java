package io.gatehouse.scim.core.filter;

import java.util.Map;

/**
 * The filterable attributes of Users and Groups, matching the tables of
 * {@code V1__directory_and_provisioning.sql}. Attribute sets follow RFC 7643 section 4.1 (User),
 * 4.2 (Group) and 4.3 (enterprise extension); what is not listed here cannot be filtered or
 * sorted on.
 */
public final class FilterMappings {

    public static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private static final FilterMapping USERS = buildUsers();
    private static final FilterMapping GROUPS = buildGroups();

    private FilterMappings() {
    }

    /** Main table {@code app_user u}. */
    public static FilterMapping users() {
        return USERS;
    }

    /** Main table {@code user_group g}. */
    public static FilterMapping groups() {
        return GROUPS;
    }

    private static FilterMapping buildUsers() {
        FilterMapping.Builder b = FilterMapping.builder("u", CORE_USER)
                .column("id", Column.of("id", ValueType.UUID).notNull())
                .column("externalId", Column.text("external_id").exact())
                .column("userName", Column.text("user_name").ci("user_name_ci").notNull())
                .column("active", Column.of("active", ValueType.BOOLEAN).notNull())
                .column("displayName", Column.text("display_name"))
                .column("nickName", Column.text("nick_name"))
                .column("profileUrl", Column.text("profile_url"))
                .column("title", Column.text("title"))
                .column("userType", Column.text("user_type"))
                .column("preferredLanguage", Column.text("preferred_language"))
                .column("locale", Column.text("locale"))
                .column("timezone", Column.text("timezone"))
                .column("name.formatted", Column.text("name_formatted"))
                .column("name.familyName", Column.text("name_family_name"))
                .column("name.givenName", Column.text("name_given_name"))
                .column("name.middleName", Column.text("name_middle_name"))
                .column("name.honorificPrefix", Column.text("name_honorific_prefix"))
                .column("name.honorificSuffix", Column.text("name_honorific_suffix"))
                .column("meta.created", Column.of("created_at", ValueType.DATETIME).notNull())
                .column("meta.lastModified", Column.of("last_modified_at", ValueType.DATETIME).notNull())
                .column(ENTERPRISE_USER, "employeeNumber", Column.text("employee_number"))
                .column(ENTERPRISE_USER, "costCenter", Column.text("cost_center"))
                .column(ENTERPRISE_USER, "organization", Column.text("organization"))
                .column(ENTERPRISE_USER, "division", Column.text("division"))
                .column(ENTERPRISE_USER, "department", Column.text("department"))
                // manager.value is the manager's id: compared exactly, like id.
                .column(ENTERPRISE_USER, "manager.value", Column.text("manager_id").exact())
                // Entra's reference check filters on the bare attribute: manager eq "<id>".
                .column(ENTERPRISE_USER, "manager", Column.text("manager_id").exact());
        for (String attr : new String[] {"emails", "phoneNumbers", "ims", "photos", "roles", "entitlements",
                "x509Certificates"}) {
            b.multiValued(attr, userValues(attr, Map.of(
                    "value", Column.text("attr_value").ci("value_ci"),
                    "display", Column.text("display"),
                    "type", Column.text("type"),
                    "primary", Column.of("is_primary", ValueType.BOOLEAN)), "value"));
        }
        // Addresses have no "value" sub-attribute (RFC 7643 section 4.1.2), so no default.
        b.multiValued("addresses", userValues("addresses", Map.of(
                "formatted", Column.text("formatted"),
                "streetAddress", Column.text("street_address"),
                "locality", Column.text("locality"),
                "region", Column.text("region"),
                "postalCode", Column.text("postal_code"),
                "country", Column.text("country"),
                "type", Column.text("type"),
                "primary", Column.of("is_primary", ValueType.BOOLEAN)), null));
        // groups is read-only on the user but filterable: groups.value is the group id.
        // display/$ref/type are not stored in group_member, so they stay unsupported.
        b.multiValued("groups", new ChildTable("group_member", "m", "{c}.user_id = {p}.id",
                Map.of("value", Column.of("group_id", ValueType.UUID).notNull()), "value"));
        return b.unique("id", "userName").build();
    }

    private static ChildTable userValues(String attr, Map<String, Column> subAttributes, String defaultSub) {
        // attr is a constant of this class, so inlining it as a literal is safe and lets the
        // planner use ix_user_value_lookup (company_id, attr, value_ci).
        return new ChildTable("user_value", "v",
                "{c}.company_id = {p}.company_id AND {c}.user_id = {p}.id AND {c}.attr = '" + attr + "'",
                subAttributes, defaultSub);
    }

    private static FilterMapping buildGroups() {
        return FilterMapping.builder("g", CORE_GROUP)
                .column("id", Column.of("id", ValueType.UUID).notNull())
                .column("externalId", Column.text("external_id").exact())
                .column("displayName", Column.text("display_name").ci("display_name_ci").notNull())
                .column("meta.created", Column.of("created_at", ValueType.DATETIME).notNull())
                .column("meta.lastModified", Column.of("last_modified_at", ValueType.DATETIME).notNull())
                // members.value is the member's user id; members.display/type/$ref are not stored.
                .multiValued("members", new ChildTable("group_member", "m", "{c}.group_id = {p}.id",
                        Map.of("value", Column.of("user_id", ValueType.UUID).notNull()), "value"))
                .unique("id", "displayName")
                .build();
    }
}
