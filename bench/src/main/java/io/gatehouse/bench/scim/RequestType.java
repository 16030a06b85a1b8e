package io.gatehouse.bench.scim;

/**
 * The request kinds an Entra initial sync sends, in the order they first appear. Each kind belongs
 * to the phase whose wall time its requests/s is computed against.
 */
enum RequestType {
    USER_FILTER("user-filter", Phase.USERS),
    USER_CREATE("user-create", Phase.USERS),
    GROUP_FILTER("group-filter", Phase.GROUPS),
    GROUP_CREATE("group-create", Phase.GROUPS),
    GROUP_PATCH("group-patch", Phase.GROUPS);

    enum Phase { USERS, GROUPS }

    private final String label;
    private final Phase phase;

    RequestType(String label, Phase phase) {
        this.label = label;
        this.phase = phase;
    }

    String label() {
        return label;
    }

    Phase phase() {
        return phase;
    }
}
