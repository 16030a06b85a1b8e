package io.gatehouse.console;

import io.gatehouse.support.FormBrowser;

/** The console as a form-posting browser sees it. */
final class WebClient extends FormBrowser {

    WebClient(String base) {
        super(base);
    }
}
