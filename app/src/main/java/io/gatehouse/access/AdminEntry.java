package io.gatehouse.access;

import io.gatehouse.directory.Source;
import java.util.List;
import java.util.UUID;

/**
 * A user holding the Administrator role: directly and/or through the named groups. A LOCAL user holding it
 * directly is a break-glass administrator; {@code localPassword} says whether their setup link was redeemed.
 */
public record AdminEntry(UUID userId, String userName, String displayName, Source source, boolean active,
                         boolean direct, List<String> viaGroups, boolean localPassword) {

    public boolean breakGlass() {
        return source == Source.LOCAL && direct;
    }
}
