package io.gatehouse.provider;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Refusals of the authorization endpoint. Once the client and its redirect URI are known good, the error goes back
 * to the application on that URI (RFC 6749 §4.1.2.1: {@code error}, {@code error_description}, {@code state});
 * before that (unknown client, a redirect URI that is not registered exactly) it must not, and the answer is the
 * OAuth error JSON with 400 instead of the framework's error page.
 */
final class AuthorizeErrors implements AuthenticationFailureHandler {

    private final OAuth2ErrorHttpMessageConverter json = new OAuth2ErrorHttpMessageConverter();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        OAuth2Error error = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError()
                : new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST);
        response.setHeader("Cache-Control", "no-store");
        OAuth2AuthorizationCodeRequestAuthenticationToken attempted =
                exception instanceof OAuth2AuthorizationCodeRequestAuthenticationException e
                        ? e.getAuthorizationCodeRequestAuthentication() : null;
        if (attempted == null || !StringUtils.hasText(attempted.getRedirectUri())) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            HttpOutputMessage out = new ServletServerHttpResponse(response);
            json.write(error, MediaType.APPLICATION_JSON, out);
            return;
        }
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(attempted.getRedirectUri())
                .queryParam("error", enc(error.getErrorCode()));
        if (StringUtils.hasText(error.getDescription())) {
            uri.queryParam("error_description", enc(error.getDescription()));
        }
        if (StringUtils.hasText(attempted.getState())) {
            uri.queryParam("state", enc(attempted.getState()));
        }
        uri.queryParam("iss", enc(issuer(request)));
        response.sendRedirect(uri.build(true).toUriString());
    }

    private static String issuer(HttpServletRequest request) {
        var context = org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder
                .getContext();
        return context == null ? "" : context.getIssuer();
    }

    private static String enc(String value) {
        return UriUtils.encode(value, StandardCharsets.UTF_8);
    }
}
