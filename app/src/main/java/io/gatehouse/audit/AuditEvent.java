package io.gatehouse.audit;

import io.gatehouse.tenancy.CompanyId;
import java.time.Instant;

/** One change to a company's security settings, as its Audit log shows it. Never holds a secret. */
public record AuditEvent(CompanyId company, Instant occurredAt, String actor, String action, String detail,
                         String target, String outcome) {}
