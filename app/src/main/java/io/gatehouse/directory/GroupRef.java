package io.gatehouse.directory;

import java.util.UUID;

/** A group a user belongs to, as shown in the user's read-only {@code groups} attribute. */
public record GroupRef(UUID userId, UUID groupId, String display) {}
