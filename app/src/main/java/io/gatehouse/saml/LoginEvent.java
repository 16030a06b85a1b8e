package io.gatehouse.saml;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of a company's sign-in log.
 *
 * @param outcome SUCCESS, a saml-core FailureCode name, or one of {@link RefusalCode}
 * @param reference the short id shown to the person on the failure page, so support can find this row
 */
public record LoginEvent(
        long id,
        Instant occurredAt,
        String outcome,
        String detail,
        String expected,
        String actual,
        String nameId,
        UUID userId,
        String reference) {
}
