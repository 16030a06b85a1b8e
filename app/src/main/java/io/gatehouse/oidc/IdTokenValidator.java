package io.gatehouse.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Strict validation of an Entra ID token (OpenID Connect Core §3.1.3.7), in this order, each failure typed:
 * RS256 signature by a key of the provider's published set (never a key named inside the token); issuer
 * exactly {@code <authority>/<tid>/v2.0} for the token's own {@code tid}; our client id in the audience (and
 * as {@code azp} when there are several); expiry, issued-at and not-before within a small skew; first use
 * (oidc_replay, shared by all nodes); the nonce we sent.
 */
@Component
class IdTokenValidator {

    static final Duration SKEW = Duration.ofSeconds(60);
    /** An Entra tenant (directory) id: a GUID. */
    static final Pattern TENANT_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The verified claims Gatehouse uses. */
    record Verified(String tenantId, String objectId, String preferredUsername, String email, Instant expiresAt) {}

    /** A refusal with what was expected and what arrived, for the sign-in log. */
    static final class Invalid extends Exception {
        final OidcRefusal code;
        final String expected;
        final String actual;

        Invalid(OidcRefusal code, String message, String expected, String actual) {
            super(message);
            this.code = code;
            this.expected = expected;
            this.actual = actual;
        }
    }

    private final OidcProperties properties;
    private final EntraProvider provider;
    private final IdTokenReplay replay;
    private final Clock clock;

    IdTokenValidator(OidcProperties properties, EntraProvider provider, IdTokenReplay replay, Clock clock) {
        this.properties = properties;
        this.provider = provider;
        this.replay = replay;
        this.clock = clock;
    }

    Verified validate(String idToken, String expectedNonce) throws Invalid {
        JWTClaimsSet claims = verifySignature(idToken);
        String tid = string(claims, "tid");
        if (tid == null || !TENANT_ID.matcher(tid).matches()) {
            throw new Invalid(OidcRefusal.ISSUER_MISMATCH, "the token has no valid tid (tenant id) claim",
                    "a tenant id", tid);
        }
        String expectedIssuer = properties.issuerOf(tid);
        if (!expectedIssuer.equals(claims.getIssuer())) {
            throw new Invalid(OidcRefusal.ISSUER_MISMATCH, "the issuer does not match the token's tenant",
                    expectedIssuer, claims.getIssuer());
        }
        checkAudience(claims);
        Instant exp = checkTimes(claims);
        if (!replay.firstUse(sha256(idToken), exp.plus(SKEW))) {
            throw new Invalid(OidcRefusal.TOKEN_REPLAYED, "this ID token was already used", null, null);
        }
        String nonce = string(claims, "nonce");
        if (expectedNonce == null || !expectedNonce.equals(nonce)) {
            throw new Invalid(OidcRefusal.NONCE_MISMATCH, "the nonce is not the one this sign-in sent", null, null);
        }
        return new Verified(tid.toLowerCase(java.util.Locale.ROOT), string(claims, "oid"),
                string(claims, "preferred_username"), string(claims, "email"), exp);
    }

    private JWTClaimsSet verifySignature(String idToken) throws Invalid {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(idToken);
        } catch (ParseException e) {
            throw new Invalid(OidcRefusal.TOKEN_MALFORMED, "the ID token is not a signed JWT", null, null);
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new Invalid(OidcRefusal.SIGNATURE_INVALID, "the ID token is not signed with RS256", "RS256",
                    String.valueOf(jwt.getHeader().getAlgorithm()));
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, provider.keys()));
        processor.setJWSTypeVerifier((type, context) -> { });
        processor.setJWTClaimsSetVerifier((claims, context) -> { }); // every claim is checked below, typed
        try {
            return processor.process(jwt, null);
        } catch (KeySourceException e) {
            throw new EntraProvider.Unavailable("the provider's signing keys could not be read: " + e.getMessage(),
                    e);
        } catch (BadJOSEException | JOSEException e) {
            throw new Invalid(OidcRefusal.SIGNATURE_INVALID, "the ID token's signature does not verify with the "
                    + "provider's published keys", null, "kid " + jwt.getHeader().getKeyID());
        }
    }

    private void checkAudience(JWTClaimsSet claims) throws Invalid {
        List<String> audience = claims.getAudience();
        String clientId = properties.clientId();
        if (audience == null || !audience.contains(clientId)) {
            throw new Invalid(OidcRefusal.AUDIENCE_MISMATCH, "the token is meant for another application", clientId,
                    String.valueOf(audience));
        }
        String azp = string(claims, "azp");
        if (audience.size() > 1 && !clientId.equals(azp)) {
            throw new Invalid(OidcRefusal.AUDIENCE_MISMATCH, "the token has several audiences and azp is not us",
                    clientId, azp);
        }
    }

    private Instant checkTimes(JWTClaimsSet claims) throws Invalid {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null || !now.isBefore(exp.toInstant().plus(SKEW))) {
            throw new Invalid(OidcRefusal.EXPIRED, "the ID token has expired", "before " + exp, now.toString());
        }
        if (iat == null || iat.toInstant().isAfter(now.plus(SKEW))) {
            throw new Invalid(OidcRefusal.NOT_YET_VALID, "the ID token's issue time is in the future",
                    "not after " + now, String.valueOf(iat));
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plus(SKEW))) {
            throw new Invalid(OidcRefusal.NOT_YET_VALID, "the ID token is not valid yet", "not after " + now,
                    nbf.toString());
        }
        return exp.toInstant();
    }

    private static String string(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a mandatory JDK algorithm", e);
        }
    }
}
