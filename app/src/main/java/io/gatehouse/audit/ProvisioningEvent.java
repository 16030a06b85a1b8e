package io.gatehouse.audit;

import io.gatehouse.tenancy.CompanyId;
import java.time.Instant;

/** One SCIM request as the company's provisioning log shows it. Holds no token, secret or request body. */
public record ProvisioningEvent(
        CompanyId company,
        Instant occurredAt,
        String method,
        String path,
        int status,
        String resourceType,
        String resourceId,
        String outcome,
        String scimType,
        double durationMs,
        String userAgent) {}
