package io.gatehouse.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.access.Actor;
import io.gatehouse.access.CompanyRole;
import io.gatehouse.access.CompanyRoles;
import io.gatehouse.access.Grantee;
import io.gatehouse.access.Permission;
import io.gatehouse.access.Space;
import io.gatehouse.access.SpaceRole;
import io.gatehouse.access.Spaces;
import io.gatehouse.saml.core.support.EntraResponse;
import io.gatehouse.saml.core.support.TestKeys;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Scim;
import io.gatehouse.tenancy.CompanyId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Issue 4: who changed SSO settings, tokens, grants and permissions, and when. */
@TestPropertySource(properties = "server.servlet.session.cookie.secure=false")
class AuditLogIT extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    CompanyRoles roles;

    @Autowired
    Spaces spaces;

    record Entry(String actor, String action, String detail) {}

    record Admin(String userId, String email, String setupPath) {}

    @Test
    void operatorChangesAreRecordedAsTheSupportTeamAndHoldNoSecret() {
        String id = operator().createCompany("Audit " + System.nanoTime(), "standard");
        ok(200, operator().call("PATCH", "/companies/" + id, "{\"plan\":\"premium\",\"provisioningEnabled\":false}"));

        Http.Response issued = ok(201, operator().call("POST", "/companies/" + id + "/scim-tokens", null));
        String token = issued.json().path("token").asString();
        String tokenId = issued.json().path("id").asString();
        String prefix = issued.json().path("prefix").asString();
        String userId = new Scim(http(), token).createUser("grace" + System.nanoTime() + "@acme.test");

        ok(204, operator().call("PUT", "/companies/" + id + "/roles/users/" + userId + "/manage_users", null));
        ok(204, operator().call("DELETE", "/companies/" + id + "/roles/users/" + userId + "/manage_users", null));
        ok(200, http().send("PUT", "/operator/v1/companies/" + id + "/saml-connection", OPERATOR_TOKEN,
                metadata(), Map.of("Content-Type", "application/xml")));
        ok(200, operator().call("PATCH", "/companies/" + id + "/saml-connection", "{\"allowSha1\":true}"));
        ok(201, operator().call("POST", "/companies/" + id + "/admins", "{\"email\":\"ada@audit.test\"}"));
        ok(204, operator().call("DELETE", "/companies/" + id + "/scim-tokens/" + tokenId, null));

        Http.Response log = ok(200, operator().call("GET", "/companies/" + id + "/audit-log?limit=100", null));
        List<Entry> entries = entries(log);
        assertThat(log.body()).doesNotContain(token);
        assertThat(entries).extracting(Entry::actor).containsOnly(AuditLog.SUPPORT_TEAM);
        assertThat(entries).extracting(Entry::action).containsExactly(
                "SCIM_TOKEN_REVOKED", "BREAK_GLASS_ADMIN_CREATED", "SSO_OPTIONS_CHANGED", "SSO_METADATA_UPLOADED",
                "ROLE_REVOKED", "ROLE_GRANTED", "SCIM_TOKEN_ISSUED", "PROVISIONING_SWITCHED", "PLAN_CHANGED");
        assertThat(detail(entries, "SCIM_TOKEN_ISSUED")).contains(prefix).contains(tokenId);
        assertThat(detail(entries, "SCIM_TOKEN_REVOKED")).contains(prefix).contains(tokenId);
        assertThat(detail(entries, "PLAN_CHANGED")).contains("standard").contains("premium");
        assertThat(detail(entries, "PROVISIONING_SWITCHED")).contains("off");
        assertThat(detail(entries, "ROLE_GRANTED")).contains("MANAGE_USERS").contains(userId);
        assertThat(detail(entries, "ROLE_REVOKED")).contains("MANAGE_USERS").contains(userId);
        assertThat(detail(entries, "SSO_METADATA_UPLOADED")).contains(EntraResponse.IDP);
        assertThat(detail(entries, "SSO_OPTIONS_CHANGED")).contains("allowSha1");
        assertThat(detail(entries, "BREAK_GLASS_ADMIN_CREATED")).contains("ada@audit.test");

        // Another company's log never shows these.
        String other = operator().createCompany("Other " + System.nanoTime(), "premium");
        Http.Response otherLog = ok(200, operator().call("GET", "/companies/" + other + "/audit-log", null));
        assertThat(entries(otherLog)).isEmpty();
        assertThat(otherLog.body()).doesNotContain(prefix).doesNotContain(userId);

        // Unchanged values, a second revocation and a repeated revoke of a grant change nothing: each is recorded
        // once as an action that changed nothing (every admin action has its entry, adminaudit.AuditedRoutes).
        ok(200, operator().call("PATCH", "/companies/" + id, "{\"plan\":\"premium\",\"provisioningEnabled\":false}"));
        ok(204, operator().call("DELETE", "/companies/" + id + "/scim-tokens/" + tokenId, null));
        ok(204, operator().call("DELETE", "/companies/" + id + "/roles/users/" + userId + "/manage_users", null));
        List<Entry> after = entries(ok(200, operator().call("GET", "/companies/" + id + "/audit-log", null)));
        assertThat(after).hasSize(12);
        assertThat(after.subList(0, 3)).extracting(Entry::detail).containsOnly(AuditLog.NO_CHANGE);
        assertThat(after.subList(0, 3)).extracting(Entry::action)
                .containsExactly("ROLE_REVOKED", "SCIM_TOKEN_REVOKED", "COMPANY_UPDATED");
    }

    @Test
    void auditLogLimitIsCheckedAndUnknownCompaniesAreNotFound() {
        String id = operator().createCompany("Audit " + System.nanoTime(), "standard");
        ok(400, operator().call("GET", "/companies/" + id + "/audit-log?limit=0", null));
        ok(400, operator().call("GET", "/companies/" + id + "/audit-log?limit=1001", null));
        ok(404, operator().call("GET", "/companies/" + UUID.randomUUID() + "/audit-log", null));
    }

    @Test
    void consoleUsersAreRecordedByUserName() {
        String id = operator().createCompany("Audit " + System.nanoTime(), "premium");
        Admin admin = admin(id, "ada" + System.nanoTime() + "@audit.test");
        CompanyId company = CompanyId.parse(id).orElseThrow();
        ConsoleClient web = new ConsoleClient(http().base()).signInThroughSetupLink(admin.setupPath(), PASSWORD);

        Http.Response sso = web.get("/console/settings/sso");
        ok(200, web.postFile("/console/settings/sso/metadata-file", ConsoleClient.csrfToken(sso), "file",
                "metadata.xml", metadata().getBytes(StandardCharsets.UTF_8)));

        String token = operator().issueScimToken(id);
        UUID grace = UUID.fromString(new Scim(http(), token).createUser("grace" + System.nanoTime() + "@acme.test"));
        UUID adminId = UUID.fromString(admin.userId());
        Actor ada = Actor.user(adminId);
        roles.grant(company, ada, Grantee.user(grace), Permission.MANAGE_USERS);
        roles.revoke(company, ada, Grantee.user(grace), Permission.MANAGE_USERS);
        Space space = spaces.create(company, ada, "Contracts");
        spaces.grant(company, ada, space.id(), Grantee.user(grace), SpaceRole.EDITOR);
        spaces.revoke(company, ada, space.id(), Grantee.user(grace));
        roles.grant(company, Actor.OPERATOR, Grantee.user(grace), CompanyRole.ADMINISTRATOR);

        List<Entry> entries = entries(ok(200, operator().call("GET", "/companies/" + id + "/audit-log", null)));
        assertThat(entries).extracting(Entry::action).containsExactly("ROLE_GRANTED", "SPACE_REVOKED",
                "SPACE_GRANTED", "SPACE_CREATED", "ROLE_REVOKED", "ROLE_GRANTED", "SCIM_TOKEN_ISSUED",
                "SSO_METADATA_UPLOADED", "BREAK_GLASS_ADMIN_CREATED");
        assertThat(entries).extracting(Entry::actor).containsExactly(AuditLog.SUPPORT_TEAM, admin.email(),
                admin.email(), admin.email(), admin.email(), admin.email(), AuditLog.SUPPORT_TEAM, admin.email(),
                AuditLog.SUPPORT_TEAM);
        assertThat(entries.get(0).detail()).contains("ADMINISTRATOR").contains(grace.toString());
        assertThat(entries.get(1).detail()).contains("Contracts").contains(grace.toString());
        assertThat(entries.get(2).detail()).contains("EDITOR").contains("Contracts").contains(grace.toString());

        Http.Response page = ok(200, web.get("/console/audit"));
        assertThat(page.body()).contains("SPACE_GRANTED").contains("SSO_METADATA_UPLOADED").contains(admin.email())
                .contains(AuditLog.SUPPORT_TEAM).doesNotContain(token);

        // Another company's administrator sees only their own company's entries.
        String otherId = operator().createCompany("Other " + System.nanoTime(), "premium");
        Admin otherAdmin = admin(otherId, "bob" + System.nanoTime() + "@other.test");
        ConsoleClient other = new ConsoleClient(http().base()).signInThroughSetupLink(otherAdmin.setupPath(),
                PASSWORD);
        assertThat(ok(200, other.get("/console/audit")).body()).contains(otherAdmin.email())
                .doesNotContain(admin.email()).doesNotContain("SPACE_GRANTED").doesNotContain("Contracts");
    }

    @Test
    void auditPageNeedsManageCompanySettings() {
        String id = operator().createCompany("Audit " + System.nanoTime(), "premium");
        Admin admin = admin(id, "ada" + System.nanoTime() + "@audit.test");
        ConsoleClient web = new ConsoleClient(http().base()).signInThroughSetupLink(admin.setupPath(), PASSWORD);
        ok(200, web.get("/console/audit"));
        admin(id, "keeper" + System.nanoTime() + "@audit.test"); // the last administrator is never revoked

        ok(204, operator().call("DELETE", "/companies/" + id + "/roles/users/" + admin.userId() + "/administrator",
                null));
        ok(403, web.get("/console/audit"));

        ok(204, operator().call("PUT", "/companies/" + id + "/roles/users/" + admin.userId() + "/manage_users",
                null));
        ok(403, web.get("/console/audit"));

        ok(204, operator().call("PUT", "/companies/" + id + "/roles/users/" + admin.userId()
                + "/manage_company_settings", null));
        ok(200, web.get("/console/audit"));
    }

    private Admin admin(String companyId, String email) {
        Http.Response r = ok(201, operator().call("POST", "/companies/" + companyId + "/admins",
                "{\"email\":\"" + email + "\",\"displayName\":\"Ada Admin\"}"));
        return new Admin(r.json().path("userId").asString(), email,
                URI.create(r.json().path("setupLink").asString()).getPath());
    }

    private static List<Entry> entries(Http.Response log) {
        List<Entry> out = new ArrayList<>();
        for (JsonNode e : log.json()) {
            assertThat(e.path("occurredAt").asString()).isNotBlank();
            out.add(new Entry(e.path("actor").asString(), e.path("action").asString(), e.path("detail").asString()));
        }
        return out;
    }

    private static String detail(List<Entry> entries, String action) {
        return entries.stream().filter(e -> e.action().equals(action)).findFirst().orElseThrow().detail();
    }

    private static Http.Response ok(int status, Http.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        return response;
    }

    private static String metadata() {
        try {
            return "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"" + EntraResponse.IDP
                    + "\"><IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                    + "<KeyDescriptor use=\"signing\"><KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\">"
                    + "<X509Data><X509Certificate>"
                    + Base64.getEncoder().encodeToString(TestKeys.IDP.certificate().getEncoded())
                    + "</X509Certificate></X509Data></KeyInfo></KeyDescriptor>"
                    + "<SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" "
                    + "Location=\"https://login.microsoftonline.com/" + EntraResponse.TENANT + "/saml2\"/>"
                    + "</IDPSSODescriptor></EntityDescriptor>";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
