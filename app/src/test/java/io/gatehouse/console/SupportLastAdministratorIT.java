package io.gatehouse.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.Http;
import io.gatehouse.support.Scim;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The support console's side of "no silent lock-out": Retire is refused for the last active administrator with a
 * page saying what must exist first; a company that Entra left without an administrator is flagged on its page and
 * in the companies list.
 */
class SupportLastAdministratorIT extends SupportConsoleTest {

    @Test
    void refusesToRetireTheLastAdministratorWithAPageAndRetiresOneOfTwo() {
        TestCompany c = companyWithAdmin("standard");
        WebClient support = supportTeam();
        String page = support.get("/support/companies/" + c.id()).body();
        assertThat(page).contains("id=\"retire-" + c.adminId() + "\"");

        Http.Response refused = act(support, c.id(), "/admins/" + c.adminId() + "/retire", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("text/html");
        assertThat(refused.body()).contains("Last administrator").contains(c.adminEmail())
                .contains("First another administrator must exist");
        assertThat(operator().call("GET", "/companies/" + c.id() + "/admins", null).json().path("admins").size())
                .isEqualTo(1);

        operator().call("POST", "/companies/" + c.id() + "/admins", "{\"email\":\"second" + System.nanoTime()
                + "@acme.test\"}");
        Http.Response retired = act(support, c.id(), "/admins/" + c.adminId() + "/retire", Map.of());
        assertThat(retired.status()).isEqualTo(302);
        assertThat(support.get(location(retired)).body()).contains("Break-glass administrator retired.");
        assertThat(operator().call("GET", "/companies/" + c.id() + "/audit-log", null).body())
                .contains("BREAK_GLASS_ADMIN_RETIRED");
    }

    @Test
    void aCompanyEntraLeftWithoutAdministratorIsFlaggedOnItsPageAndInTheList() {
        String tag = Long.toString(System.nanoTime());
        String id = operator().createCompany("Lockout " + tag, "premium");
        Scim scim = scim(id);
        String admin = scim.createUser("last-" + tag + "@acme.test");
        operator().call("PUT", "/companies/" + id + "/roles/users/" + admin + "/administrator", null);
        WebClient support = supportTeam();
        assertThat(row(support.get("/support/companies?q=Lockout+" + tag).body(), id)).doesNotContain("None active");

        assertThat(scim.patch("/Users/" + admin, EntraBodies.patch(
                "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]")).status()).isEqualTo(200);

        String page = support.get("/support/companies/" + id).body();
        assertThat(page).contains("id=\"admins-lost\"").contains("identity provider (SCIM)")
                .contains("was deactivated or deleted").contains("no active administrator");
        assertThat(row(support.get("/support/companies?q=Lockout+" + tag).body(), id)).contains("None active");
    }

    private static String row(String list, String companyId) {
        int at = list.indexOf("data-company=\"" + companyId + "\"");
        assertThat(at).as("company row").isPositive();
        return list.substring(at, list.indexOf("</tr>", at));
    }
}
