package io.gatehouse.saml;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Applies an {@link OptionsPatch} to the current options, collecting every field error before refusing. */
final class OptionsChange {

    static final Set<String> CLAIM_KEYS = Set.of("userName", "externalId", "email", "givenName", "familyName",
            "displayName");

    private OptionsChange() {}

    static ConnectionOptions apply(ConnectionOptions current, OptionsPatch patch) {
        List<InvalidConnectionException.FieldError> errors = new ArrayList<>();
        String spEntityId = current.spEntityIdOverride();
        if (patch.clearSpEntityId()) {
            spEntityId = null;
        } else if (patch.spEntityId() != null) {
            spEntityId = patch.spEntityId().trim();
            if (!isEntityId(spEntityId)) {
                errors.add(new InvalidConnectionException.FieldError("spEntityId",
                        "an absolute URI (https://… or urn:…) of at most 1024 characters is required"));
            }
        }
        LinkBy linkBy = current.linkBy();
        if (patch.linkBy() != null) {
            try {
                linkBy = LinkBy.valueOf(patch.linkBy());
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidConnectionException.FieldError("linkBy", "must be USER_NAME or EXTERNAL_ID"));
            }
        }
        ClaimMapping claims = claims(current.claims(), patch.claims(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidConnectionException(errors);
        }
        return new ConnectionOptions(spEntityId,
                or(patch.allowIdpInitiated(), current.allowIdpInitiated()),
                or(patch.allowSha1(), current.allowSha1()),
                or(patch.signAuthnRequests(), current.signAuthnRequests()),
                linkBy,
                or(patch.jitEnabled(), current.jitEnabled()),
                claims);
    }

    private static ClaimMapping claims(ClaimMapping current, Map<String, String> changes,
                                       List<InvalidConnectionException.FieldError> errors) {
        if (changes == null) {
            return current;
        }
        ClaimMapping defaults = ClaimMapping.entraDefaults();
        for (Map.Entry<String, String> e : changes.entrySet()) {
            if (!CLAIM_KEYS.contains(e.getKey())) {
                errors.add(new InvalidConnectionException.FieldError("claimMapping." + e.getKey(),
                        "unknown claim; use one of " + String.join(", ", CLAIM_KEYS.stream().sorted().toList())));
            } else if (e.getValue() != null && (e.getValue().isBlank() || e.getValue().length() > 512)) {
                errors.add(new InvalidConnectionException.FieldError("claimMapping." + e.getKey(),
                        "an attribute name of 1 to 512 characters, or null for the default"));
            }
        }
        return new ClaimMapping(
                pick(changes, "userName", current.userName(), defaults.userName()),
                pick(changes, "externalId", current.externalId(), defaults.externalId()),
                pick(changes, "email", current.email(), defaults.email()),
                pick(changes, "givenName", current.givenName(), defaults.givenName()),
                pick(changes, "familyName", current.familyName(), defaults.familyName()),
                pick(changes, "displayName", current.displayName(), defaults.displayName()));
    }

    private static String pick(Map<String, String> changes, String key, String current, String fallback) {
        if (!changes.containsKey(key)) {
            return current;
        }
        String value = changes.get(key);
        return value == null ? fallback : value.trim();
    }

    private static boolean or(Boolean change, boolean current) {
        return change != null ? change : current;
    }

    static boolean isEntityId(String value) {
        if (value == null || value.isEmpty() || value.length() > 1024) {
            return false;
        }
        try {
            return new URI(value).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
