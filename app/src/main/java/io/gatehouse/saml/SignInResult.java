package io.gatehouse.saml;

import io.gatehouse.tenancy.CompanyId;
import java.time.Instant;
import java.util.UUID;

/** What handling one posted Response came to. */
sealed interface SignInResult {

    /**
     * @param target where to send the browser: a same-site path, or (IdP-initiated) the application's initiate login URI
     * @param sessionNotOnOrAfter the IdP's bound on the session (AuthnStatement SessionNotOnOrAfter), or null
     * @param subject who the IdP said signed in, for single logout
     */
    record SignedIn(CompanyId company, UUID userId, String target, Instant sessionNotOnOrAfter, SamlSubject subject)
            implements SignInResult {}

    /** The NameID (and its format and the IdP's session index) a LogoutRequest must name. */
    record SamlSubject(String nameId, String nameIdFormat, String sessionIndex) {}

    /**
     * @param reference the sign-in log row's reference, shown to the person
     * @param check     the check that failed (a saml-core FailureCode or a RefusalCode name), as the log records it
     */
    record Refused(RefusalPage page, String reference, String check) implements SignInResult {}
}
