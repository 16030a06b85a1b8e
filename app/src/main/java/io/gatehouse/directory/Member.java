package io.gatehouse.directory;

import java.util.UUID;

/** A group member as shown in a group resource. */
public record Member(UUID groupId, UUID userId, String display) {}
