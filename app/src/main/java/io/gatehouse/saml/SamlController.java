package io.gatehouse.saml;

import io.gatehouse.config.GatehouseProperties;
import io.gatehouse.saml.core.SpMetadataWriter;
import io.gatehouse.tenancy.Company;
import io.gatehouse.tenancy.CompanyId;
import io.gatehouse.tenancy.CompanyService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** The per-company SAML endpoints of the architecture's contract: metadata, SP-initiated start, ACS. */
@Controller
class SamlController {

    /** Entra's default NameID is the user principal name, an email-shaped value; persistent for other IdPs. */
    private static final List<String> NAME_ID_FORMATS = List.of(
            "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
            "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
            "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");

    private final CompanyService companies;
    private final SamlConnectionRepository connections;
    private final SpKeys spKeys;
    private final SpEndpoints endpoints;
    private final SignInStarter starter;
    private final ResponseConsumer consumer;
    private final SignInSessions sessions;
    private final GatehouseProperties properties;

    SamlController(CompanyService companies, SamlConnectionRepository connections, SpKeys spKeys,
                   SpEndpoints endpoints, SignInStarter starter, ResponseConsumer consumer, SignInSessions sessions,
                   GatehouseProperties properties) {
        this.properties = properties;
        this.companies = companies;
        this.connections = connections;
        this.spKeys = spKeys;
        this.endpoints = endpoints;
        this.starter = starter;
        this.consumer = consumer;
        this.sessions = sessions;
    }

    /** Available before the IdP side is configured: the admin needs our values first. */
    @GetMapping("/saml/{company}/metadata")
    ResponseEntity<String> metadata(@PathVariable("company") String companyId) {
        Optional<Company> company = company(companyId);
        if (company.isEmpty()) { // answered by the error page, in the sign-in page's format
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        CompanyId id = company.get().id();
        ConnectionOptions options = connections.find(id).map(SamlConnection::options)
                .orElse(ConnectionOptions.defaults());
        // The signing certificate is published only while requests are signed: saml-core then declares
        // AuthnRequestsSigned="true", and an IdP may refuse unsigned requests from then on.
        // During a rotation the next key is listed beside the current one, so an IdP that refreshes our metadata
        // knows both before the switch.
        List<X509Certificate> signing = options.signAuthnRequests()
                ? spKeys.published(id, SpCredential.Use.SIGNING) : List.of();
        String xml = SpMetadataWriter.write(new SpMetadataWriter.Settings(endpoints.entityId(id, options),
                endpoints.acsUrl(id), signing, spKeys.published(id, SpCredential.Use.ENCRYPTION), NAME_ID_FORMATS,
                endpoints.logoutUrl(id), properties.productName()));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/samlmetadata+xml"))
                .cacheControl(CacheControl.noCache())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"gatehouse-metadata.xml\"")
                .body(xml);
    }

    @GetMapping("/saml/{company}/login")
    ModelAndView login(@PathVariable("company") String companyId, @RequestParam(required = false) String target,
                 HttpServletResponse response) {
        Optional<Company> company = company(companyId);
        Optional<SamlConnection> connection = company.flatMap(c -> connections.find(c.id()));
        if (connection.isEmpty()) {
            response.setStatus(404);
            return new ModelAndView("saml/no-sso").addObject("companyName", company.map(Company::name).orElse(null));
        }
        noStore(response);
        return redirect(starter.start(connection.get(), target));
    }

    /** The Reply URL. Cross-site POST from the IdP: exempt from CSRF, protected by the SAML checks. */
    @PostMapping("/saml/{company}/acs")
    ModelAndView acs(@PathVariable("company") String companyId,
                     @RequestParam(name = "SAMLResponse", required = false) String samlResponse,
                     @RequestParam(name = "RelayState", required = false) String relayState,
                     HttpServletRequest request, HttpServletResponse response) {
        noStore(response);
        Optional<Company> company = company(companyId);
        if (company.isEmpty()) {
            response.setStatus(404);
            return new ModelAndView("saml/no-sso");
        }
        SignInResult result = consumer.consume(company.get(), samlResponse, relayState);
        if (result instanceof SignInResult.SignedIn signedIn) {
            sessions.establish(signedIn, request, response);
            return redirect(signedIn.target());
        }
        SignInResult.Refused refused = (SignInResult.Refused) result;
        response.setStatus(403);
        return new ModelAndView("saml/refused")
                .addObject("page", refused.page())
                .addObject("reference", refused.reference())
                .addObject("check", refused.check());
    }

    private Optional<Company> company(String id) {
        return CompanyId.parse(id).flatMap(companies::find);
    }

    /** A plain 302: no model attributes appended, no URI template expansion of the IdP's URL. */
    static ModelAndView redirect(String url) {
        RedirectView view = new RedirectView(url);
        view.setExpandUriTemplateVariables(false);
        view.setExposeModelAttributes(false);
        view.setStatusCode(HttpStatus.FOUND);
        return new ModelAndView(view);
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
