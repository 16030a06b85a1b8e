package io.gatehouse.bench.scim;

/**
 * Group sizes of the scale scenario: one huge group, {@code largeGroups} large ones and ordinary
 * groups of about {@code groupSize} members (uniform in groupSize +-20%). Every size is capped at
 * the number of users.
 */
record ScaleShape(int groupSize, int largeGroups, int largeGroupSize, int hugeGroupSize) {

    /** Half-width of the uniform spread of an ordinary group's size around {@link #groupSize}. */
    int spread() {
        return groupSize / 5;
    }
}
