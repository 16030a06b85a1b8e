package io.gatehouse.oidc;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the login page (rendered by the saml and console sign-in controllers) whether to show "Sign in with
 * Microsoft": only when the operator configured the Entra application.
 */
@ControllerAdvice(basePackages = {"io.gatehouse.saml", "io.gatehouse.console"})
class LoginPageButton {

    private final OidcProperties properties;

    LoginPageButton(OidcProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("microsoftSignIn")
    boolean microsoftSignIn() {
        return properties.configured();
    }
}
