package io.gatehouse.console;

import io.gatehouse.support.Http;
import java.util.Map;

/** Base of the support console's tests: a browser signed in to the support console with the operator token. */
abstract class SupportConsoleTest extends ConsoleIntegrationTest {

    /** A client signed in to the support console with the operator token. */
    WebClient supportTeam() {
        WebClient web = client();
        Http.Response signedIn = web.postWithCsrf("/support/sign-in", "/support/sign-in",
                Map.of("token", OPERATOR_TOKEN));
        if (signedIn.status() != 302 || !"/support/companies".equals(location(signedIn))) {
            throw new IllegalStateException("support sign-in failed: " + signedIn);
        }
        return web;
    }

    /** Posts a form of the company's support page with that page's CSRF token. */
    static Http.Response act(WebClient support, String companyId, String action, Map<String, String> fields) {
        String page = "/support/companies/" + companyId;
        return support.postWithCsrf(page, page + action, fields);
    }

    /** The support console's path of a redirect (Location may be absolute). */
    static String location(Http.Response response) {
        String location = response.header("Location");
        return location == null ? null : location.replaceFirst("^https?://[^/]+", "");
    }
}
