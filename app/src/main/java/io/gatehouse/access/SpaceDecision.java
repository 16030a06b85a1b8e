package io.gatehouse.access;

/**
 * Whether a user may open a Space, and why: {@code role} is their highest role there when allowed (null
 * otherwise).
 */
public record SpaceDecision(boolean allowed, SpaceRole role, Reason reason) {

    public enum Reason {
        /** Granted to the user or to a group they are a member of. */
        GRANTED,
        /** Neither the user nor any of their groups (that count under the company's plan) holds a grant. */
        NO_GRANT,
        /** The user is deactivated: no grant counts. */
        USER_INACTIVE,
        /** The Space is archived: it confers no role to anyone. */
        SPACE_ARCHIVED
    }

    static SpaceDecision allowed(SpaceRole role) {
        return new SpaceDecision(true, role, Reason.GRANTED);
    }

    static SpaceDecision denied(Reason reason) {
        return new SpaceDecision(false, null, reason);
    }
}
