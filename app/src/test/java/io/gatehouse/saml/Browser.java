package io.gatehouse.saml;

import io.gatehouse.support.FormBrowser;
import io.gatehouse.support.Http;
import java.util.Map;

/** A browser as far as sign-in needs one (see {@link FormBrowser}). */
final class Browser extends FormBrowser {

    Browser(String base) {
        super(base);
    }

    /** The same cookies against another node of the same deployment. */
    Browser at(String otherBase) {
        return withCookiesOf(new Browser(otherBase));
    }

    Http.Response postForm(String pathOrUrl, Map<String, String> fields) {
        return post(pathOrUrl, fields);
    }
}
