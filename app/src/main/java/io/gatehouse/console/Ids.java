package io.gatehouse.console;

import java.util.UUID;

/** Ids from the URL: a malformed one is as unknown as another company's. */
final class Ids {

    private Ids() {}

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConsoleErrors.NotFoundException();
        }
    }
}
