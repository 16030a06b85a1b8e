package io.gatehouse.saml.core;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The outcome of validating one SAML Response: a signed-in subject or a typed refusal. */
public sealed interface SamlValidationResult permits SamlValidationResult.Success, SamlValidationResult.Failure {

    boolean valid();

    /**
     * A verified assertion. Everything here was read from the signed element.
     *
     * @param assertionId the one-time-use key for the replay table (SAML profiles §4.1.4.5)
     * @param assertionExpiresAt keep assertionId in the replay table until this instant: the
     *     earliest NotOnOrAfter of Conditions and the bearer confirmation plus the clock skew, after
     *     which this validator would refuse the assertion as expired anyway
     * @param inResponseTo the request ID answered, or null for IdP-initiated sign-in
     */
    record Success(
            String issuer,
            String nameId,
            String nameIdFormat,
            String sessionIndex,
            Instant sessionNotOnOrAfter,
            Map<String, List<String>> attributes,
            String assertionId,
            Instant assertionExpiresAt,
            String inResponseTo) implements SamlValidationResult {

        public Success {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(nameId, "nameId");
            Objects.requireNonNull(assertionId, "assertionId");
            Objects.requireNonNull(assertionExpiresAt, "assertionExpiresAt");
            Map<String, List<String>> copy = new LinkedHashMap<>();
            attributes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            attributes = Collections.unmodifiableMap(copy);
        }

        @Override
        public boolean valid() {
            return true;
        }
    }

    /**
     * A refusal. expected/actual are null when they do not apply; detail is one admin-readable
     * sentence and never contains key material. idpStatus is set for STATUS_NOT_SUCCESS only.
     */
    record Failure(FailureCode code, String expected, String actual, String detail, IdpStatus idpStatus)
            implements SamlValidationResult {

        private static final int MAX_TEXT = 512;

        public Failure {
            Objects.requireNonNull(code, "code");
            expected = clean(expected);
            actual = clean(actual);
            detail = clean(detail);
        }

        @Override
        public boolean valid() {
            return false;
        }

        /** Values come from the message: keep log lines single-line and bounded. */
        private static String clean(String s) {
            if (s == null) {
                return null;
            }
            StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_TEXT));
            for (int i = 0; i < s.length() && b.length() < MAX_TEXT; i++) {
                char c = s.charAt(i);
                b.append(Character.isISOControl(c) ? ' ' : c);
            }
            if (s.length() > MAX_TEXT) {
                b.append('…');
            }
            return b.toString();
        }
    }
}
