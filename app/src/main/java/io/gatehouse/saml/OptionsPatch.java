package io.gatehouse.saml;

import java.util.Map;

/**
 * A partial change of {@link ConnectionOptions}; null leaves a value unchanged.
 *
 * @param clearSpEntityId true to go back to the default Entity ID
 * @param claims changed claim mappings by key (userName, externalId, email, givenName, familyName,
 *     displayName); a key mapped to null goes back to its default
 */
public record OptionsPatch(
        String spEntityId,
        boolean clearSpEntityId,
        Boolean allowIdpInitiated,
        Boolean allowSha1,
        Boolean signAuthnRequests,
        String linkBy,
        Boolean jitEnabled,
        Map<String, String> claims) {
}
