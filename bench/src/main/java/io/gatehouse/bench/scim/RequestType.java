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
    GROUP_PATCH("group-patch", Phase.GROUPS),
    // scale scenario only (see ScaleScenario): the incremental cycle…
    USER_PATCH("user-patch", Phase.INCREMENTAL),
    MEMBER_ADD("member-add", Phase.INCREMENTAL),
    MEMBER_REMOVE("member-remove", Phase.INCREMENTAL),
    // …and the probes, each timed on its own
    PROBE_ADD_MEMBERS("probe-add-members", Phase.PROBES),
    PROBE_REMOVE_HUGE("probe-remove-huge-member", Phase.PROBES),
    PROBE_GROUP_PAGE("probe-groups-page", Phase.PROBES),
    PROBE_GET_HUGE("probe-get-huge-group", Phase.PROBES),
    PROBE_USERNAME_FILTER("probe-username-filter", Phase.PROBES),
    PROBE_EXTERNALID_FILTER("probe-externalid-filter", Phase.PROBES);

    /** USERS and GROUPS make up the initial sync; INCREMENTAL and PROBES exist only in the scale scenario. */
    enum Phase { USERS, GROUPS, INCREMENTAL, PROBES }

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
