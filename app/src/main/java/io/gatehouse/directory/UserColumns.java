package io.gatehouse.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The filterable projection of a stored SCIM user: the columns of app_user and the rows of user_value.
 * Both are written from the same normalized resource, in the same transaction, so they never disagree.
 */
record UserColumns(
        String userName,
        String externalId,
        boolean active,
        String displayName,
        String nickName,
        String profileUrl,
        String title,
        String userType,
        String preferredLanguage,
        String locale,
        String timezone,
        String nameFormatted,
        String familyName,
        String givenName,
        String middleName,
        String honorificPrefix,
        String honorificSuffix,
        String employeeNumber,
        String costCenter,
        String organization,
        String division,
        String department,
        String managerId,
        List<ValueRow> values) {

    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final List<String> MULTI_VALUED =
            List.of("emails", "phoneNumbers", "ims", "photos", "roles", "entitlements", "x509Certificates", "addresses");

    record ValueRow(String attr, int ordinal, String value, String type, Boolean primary, String display,
                    String formatted, String streetAddress, String locality, String region, String postalCode,
                    String country) {
        String valueCi() {
            return value == null ? null : value.toLowerCase(Locale.ROOT);
        }
    }

    static UserColumns of(ObjectNode user) {
        JsonNode name = user.path("name");
        JsonNode ent = user.path(ENTERPRISE);
        return new UserColumns(
                text(user, "userName"),
                text(user, "externalId"),
                !user.has("active") || user.path("active").asBoolean(true),
                text(user, "displayName"),
                text(user, "nickName"),
                text(user, "profileUrl"),
                text(user, "title"),
                text(user, "userType"),
                text(user, "preferredLanguage"),
                text(user, "locale"),
                text(user, "timezone"),
                text(name, "formatted"),
                text(name, "familyName"),
                text(name, "givenName"),
                text(name, "middleName"),
                text(name, "honorificPrefix"),
                text(name, "honorificSuffix"),
                text(ent, "employeeNumber"),
                text(ent, "costCenter"),
                text(ent, "organization"),
                text(ent, "division"),
                text(ent, "department"),
                text(ent.path("manager"), "value"),
                valueRows(user));
    }

    private static List<ValueRow> valueRows(ObjectNode user) {
        List<ValueRow> rows = new ArrayList<>();
        for (String attr : MULTI_VALUED) {
            JsonNode array = user.path(attr);
            if (!array.isArray()) {
                continue;
            }
            int ordinal = 0;
            for (JsonNode v : array) {
                JsonNode primary = v.path("primary");
                rows.add(new ValueRow(attr, ordinal++,
                        v.isObject() ? text(v, "value") : v.asString(null),
                        text(v, "type"),
                        primary.isBoolean() ? primary.booleanValue() : null,
                        text(v, "display"),
                        text(v, "formatted"),
                        text(v, "streetAddress"),
                        text(v, "locality"),
                        text(v, "region"),
                        text(v, "postalCode"),
                        text(v, "country")));
            }
        }
        return rows;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull() || v.isArray() || v.isObject()) {
            return null;
        }
        String s = v.asString();
        return s.isEmpty() ? null : s;
    }
}
