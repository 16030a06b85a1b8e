package io.gatehouse.directory;

import tools.jackson.databind.JsonNode;

/** Reading single values out of a stored SCIM resource. */
public final class ResourceText {

    private ResourceText() {}

    /** The text of {@code field}, or null when it is absent, not text, or empty. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isString() && !v.asString().isEmpty() ? v.asString() : null;
    }

    /** The primary e-mail address, else the first one, else null. */
    public static String primaryEmail(JsonNode resource) {
        String first = null;
        for (JsonNode e : resource.path("emails")) {
            String value = text(e, "value");
            if (value != null && e.path("primary").asBoolean(false)) {
                return value;
            }
            first = first == null ? value : first;
        }
        return first;
    }
}
