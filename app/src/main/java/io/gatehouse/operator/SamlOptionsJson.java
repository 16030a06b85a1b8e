package io.gatehouse.operator;

import io.gatehouse.saml.InvalidConnectionException;
import io.gatehouse.saml.OptionsPatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a PATCH body of connection options. A field that is absent stays unchanged; "spEntityId": null
 * goes back to the default Entity ID; a claim mapped to null goes back to its default. Wrong types and
 * unknown fields are field errors, not silently ignored.
 */
final class SamlOptionsJson {

    private static final Set<String> FIELDS = Set.of("spEntityId", "allowIdpInitiated", "allowSha1",
            "signAuthnRequests", "linkBy", "jitEnabled", "claimMapping");

    private SamlOptionsJson() {}

    static OptionsPatch parse(JsonNode body) {
        List<InvalidConnectionException.FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw InvalidConnectionException.of("body", "a JSON object with the options to change is required");
        }
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                errors.add(new InvalidConnectionException.FieldError(name, "unknown option"));
            }
        }
        JsonNode sp = body.get("spEntityId");
        String spEntityId = text(sp, "spEntityId", errors);
        OptionsPatch patch = new OptionsPatch(spEntityId, sp != null && sp.isNull(),
                bool(body, "allowIdpInitiated", errors), bool(body, "allowSha1", errors),
                bool(body, "signAuthnRequests", errors), text(body.get("linkBy"), "linkBy", errors),
                bool(body, "jitEnabled", errors), claims(body.get("claimMapping"), errors));
        if (!errors.isEmpty()) {
            throw new InvalidConnectionException(errors);
        }
        return patch;
    }

    private static Boolean bool(JsonNode body, String field, List<InvalidConnectionException.FieldError> errors) {
        JsonNode v = body.get(field);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            errors.add(new InvalidConnectionException.FieldError(field, "must be true or false"));
            return null;
        }
        return v.booleanValue();
    }

    private static String text(JsonNode v, String field, List<InvalidConnectionException.FieldError> errors) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            errors.add(new InvalidConnectionException.FieldError(field, "must be a string"));
            return null;
        }
        return v.stringValue();
    }

    private static Map<String, String> claims(JsonNode v, List<InvalidConnectionException.FieldError> errors) {
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            errors.add(new InvalidConnectionException.FieldError("claimMapping", "must be an object"));
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : v.propertyNames()) {
            out.put(key, text(v.get(key), "claimMapping." + key, errors));
        }
        return out;
    }
}
