package io.gatehouse.audit;

import io.gatehouse.support.FormBrowser;
import io.gatehouse.support.Http;
import java.util.LinkedHashMap;
import java.util.Map;

/** The console as a signed-in administrator's browser sees it. */
final class ConsoleClient extends FormBrowser {

    ConsoleClient(String base) {
        super(base);
    }

    /** Sets the password through the break-glass setup link, which signs the client in. */
    ConsoleClient signInThroughSetupLink(String setupPath, String password) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("password", password);
        fields.put("confirm", password);
        fields.put("_csrf", csrfToken(get(setupPath)));
        Http.Response done = post(setupPath, fields);
        if (done.status() != 302) {
            throw new IllegalStateException("password not set: " + done);
        }
        return this;
    }
}
