package io.gatehouse.tenancy;

import java.time.Instant;
import java.util.Set;

/** A customer company: its plan (with the features it includes) and the operator's provisioning switch. */
public record Company(
        CompanyId id,
        String name,
        String plan,
        Set<Feature> features,
        boolean provisioningEnabled,
        Instant createdAt) {

    public boolean has(Feature feature) {
        return features.contains(feature);
    }
}
