package io.gatehouse.saml;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * How a company user signed in, kept in the session's authentication as Spring Security's factor authority with
 * the time of sign-in ({@code FACTOR_SAML_RESPONSE}, {@code FACTOR_AUTHORIZATION_CODE} for "Sign in with
 * Microsoft", {@code FACTOR_PASSWORD}), so that what reads the authentication later (the OpenID Provider's
 * {@code idp} and {@code auth_time} claims) knows it without a lookup.
 */
public enum SignInMethod {
    SAML("saml", FactorGrantedAuthority.SAML_RESPONSE_AUTHORITY),
    MICROSOFT("microsoft", FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY),
    LOCAL("local", FactorGrantedAuthority.PASSWORD_AUTHORITY);

    private final String claim;
    private final String authority;

    SignInMethod(String claim, String authority) {
        this.claim = claim;
        this.authority = authority;
    }

    /** The value of the {@code idp} claim. */
    public String claim() {
        return claim;
    }

    public GrantedAuthority authority(Instant signedInAt) {
        return FactorGrantedAuthority.withAuthority(authority).issuedAt(signedInAt).build();
    }

    /** The method recorded among the authorities, if any. */
    public static Optional<SignInMethod> of(Collection<? extends GrantedAuthority> authorities) {
        for (GrantedAuthority a : authorities) {
            for (SignInMethod m : values()) {
                if (m.authority.equals(a.getAuthority())) {
                    return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }
}
