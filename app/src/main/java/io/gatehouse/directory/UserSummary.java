package io.gatehouse.directory;

import java.time.Instant;
import java.util.UUID;

/** A user as a member listing shows them: who, and whether they are active. */
public record UserSummary(UUID id, String userName, String displayName, boolean active, Instant createdAt) {}
