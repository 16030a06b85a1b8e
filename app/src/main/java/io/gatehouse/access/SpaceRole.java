package io.gatehouse.access;

/** What a person may do in a Space, in increasing order: each role includes the ones before it. */
public enum SpaceRole {
    VIEWER,
    EDITOR,
    /** Also renames and archives the Space and decides who else may use it. */
    MANAGER;

    public boolean atLeast(SpaceRole other) {
        return compareTo(other) >= 0;
    }

    /** The higher of two roles (null counts as none): with several grants, the highest wins. */
    public static SpaceRole max(SpaceRole a, SpaceRole b) {
        if (a == null) {
            return b;
        }
        return b == null || a.atLeast(b) ? a : b;
    }
}
