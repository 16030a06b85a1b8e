package com.example.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The initiate login URI as Gatehouse calls it after a sign-in started at the identity provider: refused unless
 * {@code iss} is our Gatehouse; else Spring Security's own login starts, and its authorize request to Gatehouse
 * carries {@code organization} and {@code login_hint} with PKCE.
 */
class InitiateLoginControllerTest {

    static final String ISSUER = "https://gatehouse.example.com";
    static final String COMPANY = "0193a6f4-0000-7000-8000-000000000001";

    final InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(
            ClientRegistration.withRegistrationId(BackChannelLogoutController.REGISTRATION)
                    .clientId("gh_app_product").clientSecret("secret")
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").scope("openid", "email")
                    .authorizationUri(ISSUER + "/oauth2/authorize").tokenUri(ISSUER + "/oauth2/token")
                    .jwkSetUri(ISSUER + "/oauth2/jwks").issuerUri(ISSUER).build());

    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new InitiateLoginController(registrations))
            .addFilters(new OAuth2AuthorizationRequestRedirectFilter(SecurityConfig.companyAware(registrations)))
            .build();

    @Test
    void gatehouses_issuer_starts_the_ordinary_login_with_organization_and_login_hint() throws Exception {
        String login = mvc.perform(get(InitiateLoginController.PATH).param("iss", ISSUER)
                        .param("login_hint", "alice+test@contoso.com").param("organization", COMPANY)
                        .param("target_link_uri", "https://product.example.com/login/oauth2/code/gatehouse"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/oauth2/authorization/gatehouse?organization=" + COMPANY
                        + "&login_hint=alice%2Btest%40contoso.com"))
                .andReturn().getResponse().getRedirectedUrl();

        String authorize = mvc.perform(get(URI.create(login))).andExpect(status().isFound()).andReturn()
                .getResponse().getRedirectedUrl();

        UriComponents sent = UriComponentsBuilder.fromUriString(authorize).build();
        assertThat(authorize).startsWith(ISSUER + "/oauth2/authorize?");
        assertThat(sent.getQueryParams().getFirst("client_id")).isEqualTo("gh_app_product");
        assertThat(sent.getQueryParams().getFirst("organization")).isEqualTo(COMPANY);
        assertThat(UriUtils.decode(sent.getQueryParams().getFirst("login_hint"), StandardCharsets.UTF_8))
                .isEqualTo("alice+test@contoso.com");
        assertThat(sent.getQueryParams().getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(sent.getQueryParams().getFirst("state")).isNotBlank();
    }

    @Test
    void without_hints_it_starts_the_login_all_the_same() throws Exception {
        mvc.perform(get(InitiateLoginController.PATH).param("iss", ISSUER))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/oauth2/authorization/gatehouse"));
    }

    @Test
    void another_or_no_issuer_is_refused_with_a_400_page() throws Exception {
        for (String iss : new String[] {"https://evil.example", ISSUER + "/", "http://gatehouse.example.com", ""}) {
            mvc.perform(get(InitiateLoginController.PATH).param("iss", iss).param("organization", COMPANY))
                    .andExpect(status().isBadRequest())
                    .andExpect(view().name("reference-product/initiate-refused"));
        }
        mvc.perform(get(InitiateLoginController.PATH).param("organization", COMPANY))
                .andExpect(status().isBadRequest()).andExpect(view().name("reference-product/initiate-refused"));
    }
}
