package io.gatehouse.tenancy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CompanyRepository {

    private static final String COLUMNS = "c.id, c.name, c.plan_code, c.provisioning_enabled, c.created_at";

    private final JdbcClient jdbc;
    private final PlanCatalog plans;

    CompanyRepository(JdbcClient jdbc, PlanCatalog plans) {
        this.jdbc = jdbc;
        this.plans = plans;
    }

    public void insert(CompanyId id, String name, String plan, Instant now) {
        jdbc.sql("""
                INSERT INTO company (id, name, plan_code, provisioning_enabled, created_at, updated_at)
                VALUES (?, ?, ?, TRUE, ?, ?)
                """)
                .params(id.value(), name, plan, Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    public Optional<Company> find(CompanyId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM company c WHERE c.id = ?")
                .param(id.value())
                .query((rs, n) -> map(rs))
                .optional();
    }

    /**
     * Locks the company's row until the transaction ends: changes that must see each other's outcome (taking an
     * administrator away, access.AdministratorSafety) take it first and so run one after the other.
     */
    public void lockForUpdate(CompanyId id) {
        jdbc.sql("SELECT id FROM company WHERE id = ? FOR UPDATE").param(id.value()).query(UUID.class).optional();
    }

    public List<Company> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM company c ORDER BY c.created_at, c.id")
                .query((rs, n) -> map(rs))
                .list();
    }

    /** Maps the company columns of any query that selects {@link #COLUMNS}-named columns. */
    public Company map(ResultSet rs) throws SQLException {
        String plan = rs.getString("plan_code");
        return new Company(
                new CompanyId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                plan,
                plans.featuresOf(plan),
                rs.getBoolean("provisioning_enabled"),
                rs.getTimestamp("created_at").toInstant());
    }

    public void updatePlan(CompanyId id, String plan, Instant now) {
        jdbc.sql("UPDATE company SET plan_code = ?, updated_at = ? WHERE id = ?")
                .params(plan, Timestamp.from(now), id.value())
                .update();
    }

    public void updateName(CompanyId id, String name, Instant now) {
        jdbc.sql("UPDATE company SET name = ?, updated_at = ? WHERE id = ?")
                .params(name, Timestamp.from(now), id.value())
                .update();
    }

    public void updateProvisioningEnabled(CompanyId id, boolean enabled, Instant now) {
        jdbc.sql("UPDATE company SET provisioning_enabled = ?, updated_at = ? WHERE id = ?")
                .params(enabled, Timestamp.from(now), id.value())
                .update();
    }
}
