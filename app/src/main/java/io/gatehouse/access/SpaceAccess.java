package io.gatehouse.access;

import java.util.UUID;

/** A Space a user may use, with their highest role in it. */
public record SpaceAccess(UUID spaceId, String name, SpaceRole role) {}
