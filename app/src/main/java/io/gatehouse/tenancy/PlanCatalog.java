package io.gatehouse.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Plans and the features they include, read from the plan tables. Kept in memory for a short time:
 * this is catalogue data that changes by migration or operator action, and it is read on every SCIM
 * request. A company's own plan is always read fresh from its row, so a plan change takes effect at once.
 */
@Component
public class PlanCatalog {

    private static final Duration TTL = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Instant.MIN);

    PlanCatalog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Set<Feature> featuresOf(String plan) {
        Snapshot current = snapshot;
        if (current.loadedAt.plus(TTL).isBefore(clock.instant())) {
            current = load();
            snapshot = current;
        }
        Set<Feature> features = current.features.get(plan);
        return features == null ? Set.of() : features;
    }

    /** The codes of every plan offered, in alphabetical order. */
    public List<String> codes() {
        return jdbc.sql("SELECT code FROM plan ORDER BY code").query(String.class).list();
    }

    public boolean exists(String plan) {
        return jdbc.sql("SELECT COUNT(*) FROM plan WHERE code = ?").param(plan).query(Long.class).single() > 0;
    }

    private Snapshot load() {
        Map<String, Set<Feature>> byPlan = new HashMap<>();
        jdbc.sql("SELECT code FROM plan").query(String.class).list()
                .forEach(code -> byPlan.put(code, EnumSet.noneOf(Feature.class)));
        jdbc.sql("SELECT plan_code, feature FROM plan_feature").query((rs, n) -> {
            Feature feature = parse(rs.getString("feature"));
            if (feature != null) {
                byPlan.computeIfAbsent(rs.getString("plan_code"), k -> EnumSet.noneOf(Feature.class)).add(feature);
            }
            return null;
        }).list();
        Map<String, Set<Feature>> frozen = new HashMap<>();
        byPlan.forEach((plan, features) -> frozen.put(plan, Set.copyOf(features)));
        return new Snapshot(Map.copyOf(frozen), clock.instant());
    }

    private static Feature parse(String name) {
        try {
            return Feature.valueOf(name);
        } catch (IllegalArgumentException newerThanThisCode) {
            return null;
        }
    }

    private record Snapshot(Map<String, Set<Feature>> features, Instant loadedAt) {}
}
