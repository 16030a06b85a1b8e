package io.gatehouse.application;

import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.CompanyId;
import io.gatehouse.tenancy.CompanyRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of product applications: the registration row, its redirect URIs and the companies it serves. Applications
 * are deployment-wide, so statements are scoped by the application id; every read of a company through an
 * application also names the application, so an application never reaches a company it does not serve.
 */
@Repository
class ApplicationRepository {

    private static final String SIGN_IN = "SIGN_IN";
    private static final String POST_LOGOUT = "POST_LOGOUT";
    private static final String COLUMNS = "a.id, a.name, a.client_id, a.client_type, a.back_channel_logout_uri, "
            + "a.serves_all_companies, a.enabled, a.created_at, a.updated_at, a.initiate_login_uri";
    private static final String COMPANY_COLUMNS = "c.id, c.name, c.plan_code, c.provisioning_enabled, c.created_at";

    private final JdbcClient jdbc;
    private final CompanyRepository companies;

    ApplicationRepository(JdbcClient jdbc, CompanyRepository companies) {
        this.jdbc = jdbc;
        this.companies = companies;
    }

    void insert(ProductApplication app) {
        ApplicationSettings s = app.settings();
        jdbc.sql("""
                INSERT INTO product_application (id, name, client_id, client_type, back_channel_logout_uri,
                                                 serves_all_companies, enabled, created_at, updated_at,
                                                 initiate_login_uri)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(app.id().value(), s.name(), app.clientId(), app.clientType().name(), s.backChannelLogoutUri(),
                        s.servesAllCompanies(), s.enabled(), Timestamp.from(app.createdAt()),
                        Timestamp.from(app.updatedAt()), s.initiateLoginUri())
                .update();
        insertUris(app.id(), s);
        replaceCompanies(app.id(), List.of(), s.companyIds(), app.createdAt());
    }

    /** Writes the new settings over {@code before}'s (the caller holds the row lock). */
    void update(ApplicationId id, ApplicationSettings before, ApplicationSettings after, Instant now) {
        jdbc.sql("""
                UPDATE product_application SET name = ?, back_channel_logout_uri = ?, serves_all_companies = ?,
                                               enabled = ?, updated_at = ?, initiate_login_uri = ?
                WHERE id = ?
                """)
                .params(after.name(), after.backChannelLogoutUri(), after.servesAllCompanies(), after.enabled(),
                        Timestamp.from(now), after.initiateLoginUri(), id.value())
                .update();
        if (!after.redirectUris().equals(before.redirectUris())
                || !after.defaultRedirectUri().equals(before.defaultRedirectUri())
                || !after.postLogoutRedirectUris().equals(before.postLogoutRedirectUris())) {
            jdbc.sql("DELETE FROM product_application_redirect_uri WHERE application_id = ?").param(id.value())
                    .update();
            insertUris(id, after);
        }
        replaceCompanies(id, before.companyIds(), after.companyIds(), now);
    }

    boolean delete(ApplicationId id) {
        return jdbc.sql("DELETE FROM product_application WHERE id = ?").param(id.value()).update() > 0;
    }

    /** Locks the application's row for the rest of the transaction; false when there is no such application. */
    boolean lock(ApplicationId id) {
        return jdbc.sql("SELECT id FROM product_application WHERE id = ? FOR UPDATE").param(id.value())
                .query(UUID.class).optional().isPresent();
    }

    Optional<ProductApplication> find(ApplicationId id) {
        return one("a.id = ?", id.value());
    }

    Optional<ProductApplication> findByClientId(String clientId) {
        return one("a.client_id = ?", clientId);
    }

    /** All applications, by name. */
    List<ProductApplication> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM product_application a ORDER BY LOWER(a.name), a.id")
                .query((rs, n) -> row(rs)).list().stream().map(this::complete).toList();
    }

    /** The enabled applications that serve the company. */
    List<ProductApplication> serving(CompanyId company) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM product_application a
                WHERE a.enabled = TRUE AND (a.serves_all_companies = TRUE OR EXISTS (
                    SELECT 1 FROM product_application_company pac
                    WHERE pac.application_id = a.id AND pac.company_id = ?))
                ORDER BY LOWER(a.name), a.id
                """)
                .param(company.value())
                .query((rs, n) -> row(rs)).list().stream().map(this::complete).toList();
    }

    boolean serves(ApplicationId app, CompanyId company) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM product_application a JOIN company c ON c.id = ?
                WHERE a.id = ? AND (a.serves_all_companies = TRUE OR EXISTS (
                    SELECT 1 FROM product_application_company pac
                    WHERE pac.application_id = a.id AND pac.company_id = c.id))
                """)
                .params(company.value(), app.value()).query(Long.class).single() > 0;
    }

    /** True when the company was added, false when it was served already. */
    boolean addCompany(ApplicationId app, CompanyId company, Instant now) {
        if (jdbc.sql("SELECT COUNT(*) FROM product_application_company WHERE application_id = ? AND company_id = ?")
                .params(app.value(), company.value()).query(Long.class).single() > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO product_application_company (application_id, company_id, added_at) VALUES (?, ?, ?)")
                .params(app.value(), company.value(), Timestamp.from(now)).update();
        return true;
    }

    boolean removeCompany(ApplicationId app, CompanyId company) {
        return jdbc.sql("DELETE FROM product_application_company WHERE application_id = ? AND company_id = ?")
                .params(app.value(), company.value()).update() > 0;
    }

    /**
     * Up to {@code limit} companies the application serves, in creation order after the given position (none:
     * from the start). With an explicit list the page is read through the application's own rows.
     */
    List<Company> servedCompanies(ApplicationId app, boolean all, Instant afterCreatedAt, UUID afterId, int limit) {
        boolean first = afterCreatedAt == null;
        String after = first ? "" : " AND (c.created_at > ? OR (c.created_at = ? AND c.id > ?))";
        List<Object> params = new ArrayList<>();
        String sql;
        if (all) {
            sql = "SELECT " + COMPANY_COLUMNS + " FROM company c WHERE 1 = 1" + after;
        } else {
            sql = "SELECT " + COMPANY_COLUMNS + " FROM product_application_company pac"
                    + " JOIN company c ON c.id = pac.company_id WHERE pac.application_id = ?" + after;
            params.add(app.value());
        }
        if (!first) {
            params.add(Timestamp.from(afterCreatedAt));
            params.add(Timestamp.from(afterCreatedAt));
            params.add(afterId);
        }
        params.add(limit);
        return jdbc.sql(sql + " ORDER BY c.created_at, c.id LIMIT ?").params(params)
                .query((rs, n) -> companies.map(rs)).list();
    }

    /** The company, when the application serves it; otherwise empty, exactly as for a company that does not exist. */
    Optional<Company> servedCompany(ApplicationId app, boolean all, CompanyId company) {
        if (all) {
            return companies.find(company);
        }
        return jdbc.sql("SELECT " + COMPANY_COLUMNS + """
                 FROM product_application_company pac JOIN company c ON c.id = pac.company_id
                WHERE pac.application_id = ? AND pac.company_id = ?
                """)
                .params(app.value(), company.value())
                .query((rs, n) -> companies.map(rs)).optional();
    }

    /** Of the given ids, those that name no company. */
    List<CompanyId> unknownCompanies(List<CompanyId> ids) {
        List<CompanyId> unknown = new ArrayList<>();
        for (CompanyId id : ids) {
            if (companies.find(id).isEmpty()) {
                unknown.add(id);
            }
        }
        return unknown;
    }

    private Optional<ProductApplication> one(String where, Object value) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM product_application a WHERE " + where).param(value)
                .query((rs, n) -> row(rs)).optional().map(this::complete);
    }

    private void insertUris(ApplicationId id, ApplicationSettings s) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < s.redirectUris().size(); i++) {
            String uri = s.redirectUris().get(i);
            rows.add(new Object[] {id.value(), SIGN_IN, i, uri, uri.equals(s.defaultRedirectUri())});
        }
        for (int i = 0; i < s.postLogoutRedirectUris().size(); i++) {
            rows.add(new Object[] {id.value(), POST_LOGOUT, i, s.postLogoutRedirectUris().get(i), false});
        }
        for (Object[] row : rows) {
            jdbc.sql("""
                    INSERT INTO product_application_redirect_uri (application_id, kind, ordinal, uri, is_default)
                    VALUES (?, ?, ?, ?, ?)
                    """).params(row).update();
        }
    }

    /** Inserts the companies that are new and deletes those no longer served, keeping the others' added_at. */
    private void replaceCompanies(ApplicationId id, List<CompanyId> before, List<CompanyId> after, Instant now) {
        Set<CompanyId> keep = new HashSet<>(after);
        for (CompanyId gone : before) {
            if (!keep.contains(gone)) {
                removeCompany(id, gone);
            }
        }
        Set<CompanyId> had = new HashSet<>(before);
        for (CompanyId added : after) {
            if (!had.contains(added)) {
                jdbc.sql("""
                        INSERT INTO product_application_company (application_id, company_id, added_at) VALUES (?, ?, ?)
                        """).params(id.value(), added.value(), Timestamp.from(now)).update();
            }
        }
    }

    private record Row(ApplicationId id, String name, String clientId, ClientType type, String backChannel,
                       boolean all, boolean enabled, Instant createdAt, Instant updatedAt, String initiateLogin) {}

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(new ApplicationId(rs.getObject("id", UUID.class)), rs.getString("name"),
                rs.getString("client_id"), ClientType.valueOf(rs.getString("client_type")),
                rs.getString("back_channel_logout_uri"), rs.getBoolean("serves_all_companies"),
                rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("initiate_login_uri"));
    }

    private ProductApplication complete(Row row) {
        List<String> redirects = new ArrayList<>();
        List<String> postLogout = new ArrayList<>();
        String[] defaultUri = {null};
        jdbc.sql("""
                SELECT kind, uri, is_default FROM product_application_redirect_uri
                WHERE application_id = ? ORDER BY kind, ordinal
                """)
                .param(row.id().value())
                .query(rs -> {
                    String uri = rs.getString("uri");
                    if (SIGN_IN.equals(rs.getString("kind"))) {
                        redirects.add(uri);
                        if (rs.getBoolean("is_default")) {
                            defaultUri[0] = uri;
                        }
                    } else {
                        postLogout.add(uri);
                    }
                });
        List<CompanyId> served = row.all() ? List.of() : jdbc.sql("""
                SELECT company_id FROM product_application_company WHERE application_id = ? ORDER BY added_at, company_id
                """)
                .param(row.id().value()).query((rs, n) -> new CompanyId(rs.getObject(1, UUID.class))).list();
        ApplicationSettings settings = new ApplicationSettings(row.name(), redirects, defaultUri[0], postLogout,
                row.backChannel(), row.all(), served, row.enabled(), row.initiateLogin());
        return new ProductApplication(row.id(), row.clientId(), row.type(), settings, row.createdAt(),
                row.updatedAt());
    }
}
