package io.gatehouse.adminaudit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.audit.DeploymentAuditEvent;
import io.gatehouse.audit.DeploymentAuditLog;
import io.gatehouse.support.FormBrowser;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every state-changing route of the console, the support console and the operator API is audited: the routes Spring
 * MVC maps are walked and each must be in {@link AuditedRoutes} (a new route without an audit mapping fails here),
 * and actions that wrote no entry before (invite, deactivate, Spaces) and refusals are exercised.
 */
@TestPropertySource(properties = "server.servlet.session.cookie.secure=false")
class AuditedRoutesIT extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    DeploymentAuditLog deploymentAudit;

    @Test
    void everyStateChangingAdminRouteHasAnAuditMappingAndEveryMappingARoute() {
        TreeSet<String> mapped = new TreeSet<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/console") && !pattern.startsWith("/support")
                        && !pattern.startsWith("/operator")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    if (method != RequestMethod.GET && method != RequestMethod.HEAD && method != RequestMethod.OPTIONS) {
                        mapped.add(method + " " + pattern);
                    }
                }
            }
        });

        assertThat(mapped).as("state-changing routes without an audit mapping in AuditedRoutes")
                .isSubsetOf(AuditedRoutes.ROUTES.keySet());
        assertThat(AuditedRoutes.ROUTES.keySet()).as("AuditedRoutes entries that are no route").isSubsetOf(mapped);
        assertThat(mapped).hasSizeGreaterThan(60);
    }

    @Test
    void consoleInviteDeactivateAndSpaceChangesAreAuditedWithActorTargetAndOutcome() {
        String company = operator().createCompany("Audited " + System.nanoTime(), "standard");
        String email = "audit-admin" + System.nanoTime() + "@acme.test";
        Http.Response admin = operator().call("POST", "/companies/" + company + "/admins", "{\"email\":\"" + email + "\"}");
        String adminId = admin.json().path("userId").asString();
        FormBrowser web = new FormBrowser(http().base());
        String setup = URI.create(admin.json().path("setupLink").asString()).getPath();
        assertThat(web.postWithCsrf(setup, setup, Map.of("password", PASSWORD, "confirm", PASSWORD)).status())
                .isEqualTo(302);

        web.postWithCsrf("/console/users", "/console/users/invite", Map.of("email", "zoe@audited.test"));
        String zoe = idOf(web.get("/console/users?q=zoe").body());
        web.postWithCsrf("/console/users", "/console/users/" + zoe + "/deactivate", Map.of());
        web.postWithCsrf("/console/users", "/console/users/" + zoe + "/reactivate", Map.of());
        web.postWithCsrf("/console/spaces", "/console/spaces/create", Map.of("name", "Contracts"));
        Http.Response self = web.postWithCsrf("/console/users", "/console/users/" + adminId + "/deactivate", Map.of());
        assertThat(self.status()).isEqualTo(400);

        List<JsonNode> entries = entries(company);
        assertEntry(entries, "USER_INVITED", "SUCCESS", email, "email=zoe@audited.test");
        assertEntry(entries, "USER_DEACTIVATED", "SUCCESS", email, "userId=" + zoe);
        assertEntry(entries, "USER_REACTIVATED", "SUCCESS", email, "userId=" + zoe);
        assertEntry(entries, "SPACE_CREATED", "SUCCESS", email, "name=Contracts");
        JsonNode refused = assertEntry(entries, "USER_DEACTIVATED", "REFUSED", email, "userId=" + adminId);
        assertThat(refused.path("detail").asString()).contains("400").contains("cannot deactivate your own account");
    }

    @Test
    void operatorAndSupportRefusalsAreAuditedWithTheirReason() {
        String company = operator().createCompany("Refusals " + System.nanoTime(), "standard");
        String adminId = operator().call("POST", "/companies/" + company + "/admins",
                "{\"email\":\"only" + System.nanoTime() + "@acme.test\"}").json().path("userId").asString();

        assertThat(operator().call("DELETE", "/companies/" + company + "/admins/" + adminId, null).status())
                .isEqualTo(409);
        assertThat(operator().call("PATCH", "/companies/" + company, "{\"plan\":\"platinum\"}").status())
                .isEqualTo(400);

        List<JsonNode> entries = entries(company);
        JsonNode retire = assertEntry(entries, "BREAK_GLASS_ADMIN_RETIRED", "REFUSED", "support team",
                "userId=" + adminId);
        assertThat(retire.path("detail").asString()).contains("409").contains("last active administrator");
        assertEntry(entries, "COMPANY_UPDATED", "REFUSED", "support team", "");
        assertEntry(entries, "BREAK_GLASS_ADMIN_CREATED", "SUCCESS", "support team", "");
    }

    @Test
    void actionsAboutNoSingleSubjectAreWrittenToTheDeploymentLog() {
        assertThat(operator().call("POST", "/companies", "{\"name\":\"\"}").status()).isEqualTo(400);
        new FormBrowser(http().base()).postWithCsrf("/support/sign-in", "/support/sign-in",
                Map.of("token", OPERATOR_TOKEN));

        List<DeploymentAuditEvent> recent = deploymentAudit.recent(50);
        assertThat(recent).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("COMPANY_CREATED");
            assertThat(e.outcome()).isEqualTo("REFUSED");
            assertThat(e.subjectId()).isEqualTo(DeploymentAuditLog.NO_SUBJECT);
            assertThat(e.detail()).contains("400");
        });
        assertThat(recent).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("SUPPORT_SIGNED_IN");
            assertThat(e.outcome()).isEqualTo("SUCCESS");
            assertThat(e.actor()).isEqualTo("support team");
        });
    }

    private static JsonNode assertEntry(List<JsonNode> entries, String action, String outcome, String actor,
                                        String target) {
        return entries.stream().filter(e -> action.equals(e.path("action").asString())
                        && outcome.equals(e.path("outcome").asString()) && actor.equals(e.path("actor").asString())
                        && e.path("target").asString("").contains(target))
                .findFirst().orElseThrow(() -> new AssertionError("no " + action + " " + outcome + " by " + actor
                        + " on " + target + " in " + entries));
    }

    private List<JsonNode> entries(String company) {
        List<JsonNode> out = new ArrayList<>();
        operator().call("GET", "/companies/" + company + "/audit-log", null).json().forEach(out::add);
        return out;
    }

    private static String idOf(String usersPage) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "data-user=\"zoe@audited.test\"[\\s\\S]*?/console/users/([0-9a-f-]{36})/").matcher(usersPage);
        assertThat(m.find()).as(usersPage).isTrue();
        return m.group(1);
    }
}
