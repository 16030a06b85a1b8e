package io.gatehouse.access;

import io.gatehouse.tenancy.CompanyId;
import java.time.Instant;

/**
 * Published (Spring application event, synchronously, inside the committing transaction) when a change the
 * identity provider made left the company without an active administrator. Written to the audit log as
 * {@link AdministratorSafety#ADMINISTRATORS_LOST}; a listener may forward it (the directory change stream).
 */
public record AdministratorsLost(CompanyId company, String cause, Instant at) {}
