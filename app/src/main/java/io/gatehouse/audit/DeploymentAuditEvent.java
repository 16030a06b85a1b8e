package io.gatehouse.audit;

import java.time.Instant;

/** One deployment-wide change (e.g. to a product application), as the support team sees it. Never holds a secret. */
public record DeploymentAuditEvent(Instant occurredAt, String actor, String action, String subjectType,
                                   String subjectId, String detail, String outcome) {}
