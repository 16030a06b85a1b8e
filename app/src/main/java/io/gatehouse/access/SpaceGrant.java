package io.gatehouse.access;

import java.time.Instant;
import java.util.UUID;

/** One grant of a Space to a user or a group, with the grantee's name for people. */
public record SpaceGrant(UUID spaceId, Grantee grantee, String granteeDisplay, SpaceRole role, Instant createdAt) {}
