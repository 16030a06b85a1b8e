package com.example.product;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientException;

/** The product's pages: "Sign in with your company" and the signed-in user's page. */
@Controller
public class ProductPages {

    private final GatehouseApi api;

    public ProductPages(GatehouseApi api) {
        this.api = api;
    }

    @GetMapping("/")
    String signInPage(@AuthenticationPrincipal OidcUser user) {
        return user != null ? "redirect:/home" : "reference-product/sign-in";
    }

    /** The form's answer: a work email goes to Gatehouse as login_hint, anything else as the company id. */
    @GetMapping("/sign-in")
    String signIn(@RequestParam(defaultValue = "") String company) {
        String value = company.strip();
        if (value.isEmpty()) {
            return "redirect:/";
        }
        String parameter = value.contains("@") ? "login_hint" : "organization";
        return "redirect:/oauth2/authorization/" + BackChannelLogoutController.REGISTRATION + "?" + parameter + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @GetMapping("/home")
    String home(@AuthenticationPrincipal OidcUser user, Model model) {
        model.addAttribute("sub", user.getSubject());
        model.addAttribute("orgId", user.getClaimAsString("org_id"));
        model.addAttribute("name", user.getFullName());
        model.addAttribute("email", user.getEmail());
        model.addAttribute("idp", user.getClaimAsString("idp"));
        model.addAttribute("permissions", user.getClaimAsStringList("permissions"));
        Object groups = user.getClaims().get("groups");
        model.addAttribute("groups", groups instanceof List<?> list ? list.stream()
                .map(g -> g instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : String.valueOf(g)).toList()
                : List.of());
        try {
            model.addAttribute("spaces", api.openableSpaces(user.getClaimAsString("org_id"), user.getSubject()));
        } catch (RestClientException e) {
            model.addAttribute("spaces", List.of());
            model.addAttribute("spacesError", "Gatehouse's product API did not answer.");
        }
        return "reference-product/home";
    }
}
