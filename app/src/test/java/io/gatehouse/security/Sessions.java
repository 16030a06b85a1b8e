package io.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.FormBrowser;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Operator;
import java.net.URI;
import java.util.Map;

/** Signed-in browsers for raw requests: a company's break-glass administrator and the support team. */
final class Sessions {

    private Sessions() {
    }

    /** The company's break-glass administrator, signed in through the setup link. */
    static FormBrowser consoleAdmin(Http http, String company) {
        Http.Response created = new Operator(http).call("POST", "/companies/" + company + "/admins",
                "{\"email\":\"admin." + System.nanoTime() + "@hostile.example\",\"displayName\":\"Hostile Admin\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String setup = URI.create(created.json().path("setupLink").asString()).getPath();
        FormBrowser admin = new FormBrowser(http.base());
        String password = "correct horse battery staple";
        Http.Response done = admin.postWithCsrf(setup, setup, Map.of("password", password, "confirm", password));
        assertThat(done.status()).as(done.toString()).isEqualTo(302);
        return admin;
    }

    /** The support team, signed in to the support console with the operator token. */
    static FormBrowser supportTeam(Http http) {
        FormBrowser support = new FormBrowser(http.base());
        Http.Response signedIn = support.postWithCsrf("/support/sign-in", "/support/sign-in",
                Map.of("token", IntegrationTest.OPERATOR_TOKEN));
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(302);
        return support;
    }

    /** The browser's session and CSRF cookies as one Cookie header value. */
    static String cookies(FormBrowser browser) {
        return "GATEHOUSE_SESSION=" + browser.cookie("GATEHOUSE_SESSION")
                + "; XSRF-TOKEN=" + browser.cookie("XSRF-TOKEN");
    }
}
