package io.gatehouse.access;

import io.gatehouse.tenancy.Feature;

/** A grant that needs a plan feature the company does not have (group grants need USER_GROUPS). */
public class FeatureNotInPlanException extends RuntimeException {

    private final transient Feature feature;

    public FeatureNotInPlanException(Feature feature) {
        super(feature.notInPlanMessage());
        this.feature = feature;
    }

    public Feature feature() {
        return feature;
    }
}
