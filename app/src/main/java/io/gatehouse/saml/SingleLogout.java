package io.gatehouse.saml;

import io.gatehouse.saml.core.IdpMetadataParser;
import io.gatehouse.saml.core.InvalidMetadataException;
import io.gatehouse.saml.core.LogoutMessages;
import io.gatehouse.saml.core.LogoutValidator;
import io.gatehouse.saml.core.SamlValidationConfig;
import io.gatehouse.saml.core.SamlValidationResult;
import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.CompanyId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * SAML single logout (profiles §4.4) over HTTP-Redirect, both ways. SP-initiated: the person signs out here, their
 * session ends, and a signed LogoutRequest naming their NameID goes to the IdP, whose LogoutResponse must answer
 * that request once. IdP-initiated: the IdP's LogoutRequest is checked as strictly as a sign-in response (signed
 * with a configured certificate, issuer, destination, window; its ID used once on every node, saml_replay), every
 * session of the person ends on every node (spring_session, by principal), and a signed LogoutResponse goes back.
 * Every message, accepted or refused, is a row of the company's sign-in log.
 */
@Service
class SingleLogout {

    private static final Logger log = LoggerFactory.getLogger(SingleLogout.class);
    static final String SIGNED_OUT = "/login?signedOut";

    /** What a logout message came to: a redirect (to the IdP, or to our signed-out page) or a refusal page. */
    record Outcome(String redirect, SignInResult.Refused refused) {}

    private final SamlConnectionRepository connections;
    private final PendingRequests requests;
    private final ReplayCache replays;
    private final SamlSubjects subjects;
    private final SpKeys spKeys;
    private final SpEndpoints endpoints;
    private final LoginLog loginLog;
    private final JdbcClient jdbc;
    private final Clock clock;

    SingleLogout(SamlConnectionRepository connections, PendingRequests requests, ReplayCache replays,
                 SamlSubjects subjects, SpKeys spKeys, SpEndpoints endpoints, LoginLog loginLog, JdbcClient jdbc,
                 Clock clock) {
        this.connections = connections;
        this.requests = requests;
        this.replays = replays;
        this.subjects = subjects;
        this.spKeys = spKeys;
        this.endpoints = endpoints;
        this.loginLog = loginLog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * SP-initiated, after the local session has ended: the URL of the IdP with our signed LogoutRequest, or our
     * signed-out page when the IdP has no SingleLogoutService or the session was not a SAML sign-in.
     */
    String start(CompanyId company, SignInResult.SamlSubject subject) {
        Optional<SamlConnection> connection = connections.find(company);
        String idpSlo = connection.map(this::idpSloUrl).orElse(null);
        if (subject == null || idpSlo == null) {
            return SIGNED_OUT;
        }
        LogoutMessages.Redirect message = LogoutMessages.request(sender(connection.get(), idpSlo),
                subject.nameId(), subject.nameIdFormat(), subject.sessionIndex(), null);
        requests.saveLogout(company, message.id());
        loginLog.record(company, new LoginLog.Entry("LOGOUT_REQUESTED", "Single logout: signed out here, LogoutRequest "
                + message.id() + " sent to the IdP", null, null, subject.nameId(), null));
        return message.url();
    }

    /** A LogoutRequest or LogoutResponse from the IdP at our SingleLogoutService. */
    Outcome receive(Company company, String rawQuery) {
        CompanyId id = company.id();
        Optional<SamlConnection> found = connections.find(id);
        if (found.isEmpty()) {
            return refuse(company, RefusalCode.NO_CONNECTION.name(), "a logout message arrived but no connection is"
                    + " saved", null, null, null);
        }
        SamlConnection connection = found.get();
        LogoutValidator.Result result = new LogoutValidator(new LogoutValidator.Config(connection.idpEntityId(),
                connection.certificates(), endpoints.logoutUrl(id), connection.options().allowSha1(),
                SamlValidationConfig.DEFAULT_CLOCK_SKEW), clock).validate(rawQuery);
        if (!result.valid()) {
            SamlValidationResult.Failure f = result.failure();
            return refuse(company, f.code().name(), "Single logout: " + f.detail(), f.expected(), f.actual(), null);
        }
        LogoutValidator.Message message = result.message();
        if (!replays.firstUse(id, "logout:" + message.id(), message.keepUntil())) {
            return refuse(company, RefusalCode.LOGOUT_REPLAYED.name(), "Single logout: message " + message.id()
                    + " was already used", null, null, message.nameId());
        }
        return message.kind() == LogoutValidator.Kind.REQUEST ? endSessions(connection, message)
                : answered(company, message);
    }

    /** IdP-initiated: the person's sessions end on every node; the IdP gets a signed LogoutResponse. */
    private Outcome endSessions(SamlConnection connection, LogoutValidator.Message message) {
        CompanyId company = connection.company();
        int ended = 0;
        List<UUID> users = subjects.users(company, message.nameId());
        for (UUID user : users) {
            ended += jdbc.sql("DELETE FROM spring_session WHERE principal_name = ?")
                    .param(SignedInUser.principalName(company, user)).update();
        }
        loginLog.record(company, new LoginLog.Entry("LOGOUT", "Single logout from the IdP: " + ended
                + " session(s) ended", null, null, message.nameId(), users.isEmpty() ? null : users.get(0)));
        log.info("SAML single logout from the IdP for company {}: {} session(s) ended", company, ended);
        String idpSlo = idpSloUrl(connection);
        if (idpSlo == null) {
            return new Outcome(SIGNED_OUT, null);
        }
        String relay = message.relayState() != null
                && message.relayState().getBytes(StandardCharsets.UTF_8).length <= 80 ? message.relayState() : null;
        return new Outcome(LogoutMessages.response(sender(connection, idpSlo), message.id(),
                LogoutMessages.STATUS_SUCCESS, relay).url(), null);
    }

    /** SP-initiated, the IdP's answer: it must answer our request, once. We signed out locally already. */
    private Outcome answered(Company company, LogoutValidator.Message message) {
        CompanyId id = company.id();
        if (message.inResponseTo() == null || !requests.consumeLogout(id, message.inResponseTo())) {
            return refuse(company, "IN_RESPONSE_TO_MISMATCH", "Single logout: the LogoutResponse answers no logout"
                    + " request we have in flight (" + message.inResponseTo() + ")", null, message.inResponseTo(), null);
        }
        loginLog.record(id, new LoginLog.Entry("LOGOUT", "Single logout completed at the IdP" + (message.success() ? ""
                : " with status " + message.statusCode()), null, null, null, null));
        return new Outcome(SIGNED_OUT, null);
    }

    private Outcome refuse(Company company, String check, String detail, String expected, String actual,
                           String nameId) {
        String reference = loginLog.record(company.id(), new LoginLog.Entry(check, detail, expected, actual, nameId,
                null));
        log.info("SAML logout message refused for company {}: {} (reference {})", company.id(), check, reference);
        RefusalPage page = new RefusalPage("We could not sign you out",
                "The logout message from your identity provider did not pass {product}'s checks.",
                "Sign out in {product} itself, and give the reference below to your administrator.", null, null);
        return new Outcome(null, new SignInResult.Refused(page, reference, check));
    }

    private LogoutMessages.Sender sender(SamlConnection connection, String idpSlo) {
        return new LogoutMessages.Sender(endpoints.entityId(connection.company(), connection.options()), idpSlo,
                spKeys.signing(connection.company()).privateKey(), SignInStarter.RSA_SHA256, clock);
    }

    /** The IdP's HTTP-Redirect SingleLogoutService from the stored metadata (validated when saved), or null. */
    String idpSloUrl(SamlConnection connection) {
        try {
            return new IdpMetadataParser(clock)
                    .parse(connection.metadataXml().getBytes(StandardCharsets.UTF_8)).sloUrl();
        } catch (InvalidMetadataException e) {
            return null;
        }
    }
}
