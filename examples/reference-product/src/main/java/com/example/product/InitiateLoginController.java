package com.example.product;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The product's initiate login URI (OpenID Connect Core 1.0 §4, "Initiating Login from a Third Party"), registered
 * with Gatehouse as the application's {@code initiateLoginUri}. After a sign-in started at the company's identity
 * provider (Entra's My Apps), Gatehouse sends the browser here with {@code iss}, {@code login_hint},
 * {@code organization} and {@code target_link_uri}.
 *
 * <p>{@code iss} must be the configured Gatehouse issuer, exactly (else 400: anyone can link here, and a login
 * started at another issuer is not ours to start). Then the ordinary Spring Security login starts, with the
 * product's own state and PKCE: a redirect to {@code /oauth2/authorization/gatehouse} with {@code organization}
 * and {@code login_hint}, which {@link SecurityConfig#companyAware} passes on to Gatehouse's authorize request, as
 * for "Sign in with your company". Gatehouse's fresh session answers it with a code. {@code target_link_uri} is
 * not followed (Gatehouse sends the redirect URI, which Spring Security reaches by itself); the user lands on
 * {@code /home} as after any sign-in, so nothing here can be turned into an open redirect.
 */
@Controller
public class InitiateLoginController {

    static final String PATH = "/login/initiate";

    private final ClientRegistrationRepository registrations;

    public InitiateLoginController(ClientRegistrationRepository registrations) {
        this.registrations = registrations;
    }

    @GetMapping(PATH)
    ModelAndView initiate(@RequestParam(required = false) String iss,
                          @RequestParam(name = "login_hint", required = false) String loginHint,
                          @RequestParam(required = false) String organization) {
        String issuer = registrations.findByRegistrationId(BackChannelLogoutController.REGISTRATION)
                .getProviderDetails().getIssuerUri();
        if (iss == null || !iss.equals(issuer)) {
            ModelAndView refused = new ModelAndView("reference-product/initiate-refused")
                    .addObject("reason", iss == null ? "The sign-in request names no issuer."
                            : "The sign-in request comes from another issuer than this product's Gatehouse.");
            refused.setStatus(HttpStatus.BAD_REQUEST);
            return refused;
        }
        UriComponentsBuilder login = UriComponentsBuilder.fromPath("/oauth2/authorization/"
                + BackChannelLogoutController.REGISTRATION);
        if (organization != null && !organization.isBlank()) {
            login.queryParam("organization", strictly(organization.strip()));
        }
        if (loginHint != null && !loginHint.isBlank()) {
            login.queryParam("login_hint", strictly(loginHint.strip()));
        }
        return new ModelAndView("redirect:" + login.build(true).toUriString());
    }

    /** Every reserved character encoded: a {@code +} in an email must not arrive as a space. */
    private static String strictly(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
