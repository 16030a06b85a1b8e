package io.gatehouse.access;

import java.time.Instant;

/** A company-wide grant as listed to the operator: who holds what, and the grantee's name for people. */
public record GrantRecord(Grantee grantee, String granteeDisplay, Grantable grant, Instant createdAt) {}
