package io.gatehouse.saml;

import io.gatehouse.saml.core.SamlResponseValidator;
import io.gatehouse.saml.core.SamlValidationConfig;
import io.gatehouse.saml.core.SamlValidationResult;
import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.CompanyId;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The Assertion Consumer Service's decisions, in order: strict validation by saml-core with the company's
 * connection and our clock; the request this answers used up once (or IdP-initiated allowed by setting);
 * the assertion ID used once across all nodes; the subject linked to a provisioned, active user. Every
 * attempt, accepted or refused, is one row in the company's sign-in log.
 */
@Service
class ResponseConsumer {

    private static final Logger log = LoggerFactory.getLogger(ResponseConsumer.class);

    private final SamlConnectionRepository connections;
    private final PendingRequests requests;
    private final ReplayCache replays;
    private final UserLinker linker;
    private final LoginLog loginLog;
    private final SpKeys spKeys;
    private final SpEndpoints endpoints;
    private final SamlSubjects subjects;
    private final Clock clock;
    private final IdpInitiatedLanding landing;

    ResponseConsumer(SamlConnectionRepository connections, PendingRequests requests, ReplayCache replays,
                     UserLinker linker, LoginLog loginLog, SpKeys spKeys, SpEndpoints endpoints,
                     SamlSubjects subjects, Clock clock, IdpInitiatedLanding landing) {
        this.landing = landing;
        this.connections = connections;
        this.requests = requests;
        this.replays = replays;
        this.linker = linker;
        this.loginLog = loginLog;
        this.spKeys = spKeys;
        this.endpoints = endpoints;
        this.subjects = subjects;
        this.clock = clock;
    }

    SignInResult consume(Company company, String samlResponse, String relayState) {
        CompanyId id = company.id();
        String startOver = "/saml/" + id + "/login";
        Optional<SamlConnection> found = connections.find(id);
        if (found.isEmpty()) {
            return refuse(company, RefusalCode.NO_CONNECTION, "a SAML response arrived but no connection is saved",
                    null, null);
        }
        SamlConnection connection = found.get();
        // Untrusted until validated: only selects which of our pending requests the signed message must answer.
        String claimedRequest = InResponseToPeek.of(samlResponse);
        Optional<String> pendingTarget = claimedRequest == null ? Optional.empty() : requests.peek(id, claimedRequest);
        SamlValidationResult result = new SamlResponseValidator(
                config(connection, pendingTarget.isPresent() ? claimedRequest : null), clock).validate(samlResponse);
        if (result instanceof SamlValidationResult.Failure f) {
            String reference = loginLog.record(id, new LoginLog.Entry(f.code().name(), detail(f), f.expected(),
                    f.actual(), null, null));
            log.info("SAML sign-in refused for company {}: {} (reference {})", id, f.code(), reference);
            return new SignInResult.Refused(RefusalPages.forFailure(f, startOver), reference, f.code().name());
        }
        SamlValidationResult.Success s = (SamlValidationResult.Success) result;
        String target;
        if (s.inResponseTo() != null) {
            if (!requests.consume(id, s.inResponseTo())) {
                return refuse(company, RefusalCode.REQUEST_ALREADY_USED, "request " + s.inResponseTo()
                        + " was answered before or expired meanwhile", s.nameId(), startOver);
            }
            target = pendingTarget.orElse(SafeTarget.DEFAULT);
        } else {
            target = null; // decided once the user is known: IdpInitiatedLanding
        }
        if (!replays.firstUse(id, s.assertionId(), s.assertionExpiresAt())) {
            return refuse(company, RefusalCode.ASSERTION_REPLAYED, "assertion " + s.assertionId()
                    + " was already used to sign in", s.nameId(), startOver);
        }
        UserLinker.Link link = linker.link(id, connection.options(), s);
        if (link.user() == null) {
            return refuse(company, link.refusal(), link.detail(), s.nameId(), null);
        }
        if (target == null) {
            target = landing.target(id, link.user(), relayState);
        }
        String how = (s.inResponseTo() == null ? "IdP-initiated; " : "SP-initiated; ") + link.detail();
        loginLog.record(id, new LoginLog.Entry("SUCCESS", how, null, null, s.nameId(), link.user().id()));
        subjects.remember(id, s.nameId(), link.user().id());
        return new SignInResult.SignedIn(id, link.user().id(), target, s.sessionNotOnOrAfter(),
                new SignInResult.SamlSubject(s.nameId(), s.nameIdFormat(), s.sessionIndex()));
    }

    private SamlValidationConfig config(SamlConnection c, String expectedRequestId) {
        return SamlValidationConfig.builder()
                .idpEntityId(c.idpEntityId())
                .trustedCertificates(c.certificates())
                .spEntityId(endpoints.entityId(c.company(), c.options()))
                .acsUrl(endpoints.acsUrl(c.company()))
                .expectedRequestId(expectedRequestId)
                .allowIdpInitiated(c.options().allowIdpInitiated())
                .allowSha1(c.options().allowSha1())
                .decryptionKeys(spKeys.decryptionKeys(c.company()))
                .build();
    }

    private SignInResult refuse(Company company, RefusalCode code, String detail, String nameId, String startOver) {
        String reference = loginLog.record(company.id(), new LoginLog.Entry(code.name(), detail, null, null, nameId,
                null));
        log.info("SAML sign-in refused for company {}: {} (reference {})", company.id(), code, reference);
        return new SignInResult.Refused(RefusalPages.forRefusal(code, company.name(), startOver), reference,
                code.name());
    }

    /** The validator's sentence, plus the IdP's own message for a non-success Status (Entra's AADSTS text). */
    private static String detail(SamlValidationResult.Failure f) {
        if (f.idpStatus() == null) {
            return f.detail();
        }
        String sub = f.idpStatus().subStatusCode() == null ? "" : " [" + f.idpStatus().subStatusCode() + "]";
        return f.detail() + sub;
    }
}
