package io.gatehouse.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/** Base of the support console's tests: a browser signed in to the support console with the operator token. */
abstract class SupportConsoleTest extends ConsoleIntegrationTest {

    /** The session attribute Spring MVC keeps flash attributes in, between a redirect and the page it leads to. */
    static final String FLASH_MAPS = SessionFlashMapManager.class.getName() + ".FLASH_MAPS";

    @Autowired
    JdbcClient jdbc;

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

    /**
     * The page that an action showing a secret once answered with 303 See Other to (post/redirect/get), fetched as
     * the browser does. The POST's own answer carries nothing.
     */
    static Http.Response seeOther(WebClient support, Http.Response posted, String path) {
        assertThat(posted.status()).as("post/redirect/get: " + posted).isEqualTo(303);
        assertThat(location(posted)).isEqualTo(path);
        assertThat(posted.body()).as("the secret is not on the POST's answer").isEmpty();
        return support.get(path);
    }

    /**
     * What the session store (the database: nodes are stateless) holds of pending flash attributes right now, as
     * text: where a secret would sit between the redirect and the page, were it not sealed.
     */
    String storedFlashAttributes() {
        List<byte[]> rows = jdbc.sql("SELECT attribute_bytes FROM spring_session_attributes WHERE attribute_name = ?")
                .param(FLASH_MAPS).query((rs, n) -> rs.getBytes(1)).list();
        StringBuilder out = new StringBuilder();
        rows.forEach(bytes -> out.append(new String(bytes, StandardCharsets.ISO_8859_1)).append('\n'));
        return out.toString();
    }
}
