package io.gatehouse.security;

import static io.gatehouse.security.ErrorFormats.Family.API;
import static io.gatehouse.security.ErrorFormats.Family.CONSOLE;
import static io.gatehouse.security.ErrorFormats.Family.OPERATOR;
import static io.gatehouse.security.ErrorFormats.Family.SCIM;
import static io.gatehouse.security.ErrorFormats.Family.SIGN_IN;
import static io.gatehouse.security.ErrorFormats.Family.SUPPORT;
import static io.gatehouse.security.ErrorFormats.Family.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.security.ErrorFormats.Family;
import io.gatehouse.support.Applications;
import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Operator.TestCompany;
import io.gatehouse.support.Scim;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Hostile input, refused by whichever layer meets it first — Tomcat (a path that does not decode, header abuse),
 * Spring Security's firewall (odd methods, dot segments), Spring MVC (TRACE, malformed query strings, multipart),
 * or our own code (media types, text that is not Unicode, missing schemas) — is answered in the path family's own
 * format with a 4xx: SCIM error JSON, the operator API's JSON, the sign-in, console or support console page.
 */
class HostileInputIT extends IntegrationTest {

    private static final String USER_SCHEMA = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]";

    private TestCompany company;
    private Scim scim;

    @BeforeEach
    void company() {
        company = operator().premiumCompanyWithToken();
        scim = new Scim(http(), company.scimToken());
    }

    @Test
    void aScimPathThatDoesNotDecodeIsAScimErrorNotTheContainersPage() {
        for (String path : List.of("/Users/%2F", "/Users/%5C", "/Users/%00", "/Users/%ZZ", "/Users/%FF",
                "/Users/%C0%AF")) {
            expect(SCIM, 400, scimGet("/scim/v2" + path));
        }
    }

    @Test
    void headersTooLargeOrTooManyAre431InScimFormat() {
        expect(SCIM, 431, scimGet("/scim/v2/Users").header("X-Padding", "p".repeat(20 * 1024)));
        HostileRequest many = scimGet("/scim/v2/Users");
        for (int i = 0; i < 300; i++) {
            many.header("X-H" + i, "v");
        }
        expect(SCIM, 431, many);
    }

    @Test
    void aControlCharacterInAHeaderAnUnknownExpectationOrTransferEncodingIsA4xxInScimFormat() {
        expect(SCIM, 400, scimGet("/scim/v2/Users").header("X-Note", "a\u0001b"));
        expect(SCIM, 417, HostileRequest.of("POST", "/scim/v2/Users").bearer(company.scimToken())
                .header("Expect", "garbage").body("application/scim+json", "{}"));
        expect(SCIM, 400, HostileRequest.of("POST", "/scim/v2/Users").bearer(company.scimToken())
                .header("Transfer-Encoding", "gzip").body("application/scim+json", "{}"));
    }

    @Test
    void unknownMethodsAre405WithAllowInScimFormat() {
        for (String method : List.of("FOO", "PROPFIND", "MKCOL", "LOCK", "PURGE", "QUERY", "M-SEARCH", "get")) {
            RawHttp.Response r = expect(SCIM, 405,
                    HostileRequest.of(method, "/scim/v2/Users").bearer(company.scimToken()));
            assertThat(r.header("Allow")).as(method).contains("GET");
        }
        expect(SCIM, 405, HostileRequest.of("TRACE", "/scim/v2/Users").bearer(company.scimToken()));
    }

    @Test
    void dotSegmentsSemicolonsAndDoubleSlashesAre400InScimFormat() {
        for (String path : List.of("/Users/%2e%2e", "/Users/../Groups", "/Users/./x", "/Users;x=1", "/Users%3Bx",
                "//Users", "/Users/%25", "/Users/a\\b")) {
            expect(SCIM, 400, scimGet("/scim/v2" + path));
        }
    }

    @Test
    void malformedQueryStringsAndParameterFloodsAre400InScimFormat() {
        StringBuilder flood = new StringBuilder("/scim/v2/Users?count=1");
        for (int i = 0; i < 1_001; i++) {
            flood.append("&p").append(i).append("=1");
        }
        for (String target : List.of("/scim/v2/Users?count=%", "/scim/v2/Users?filter=%G1",
                "/scim/v2/Users?filter=%ff%fe", "/scim/v2/Users?filter=%C0%AF",
                "/scim/v2/Users?filter=userName%20eq%20%22%ED%A0%80%22", "/scim/v2/Users?=",
                "/scim/Groups?count=%", flood.toString())) {
            expect(SCIM, 400, scimGet(target));
        }
    }

    @Test
    void aRawQuoteInTheQueryReachesTheFilterParser() {
        RawHttp.Response r = send(scimGet("/scim/v2/Users?filter=userName%20eq%20\"nobody@x.example\""));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(json(r).path("totalResults").asInt()).isZero();
        assertThat(scimType(expect(SCIM, 400, scimGet("/scim/v2/Users?filter=\"x\"")))).isEqualTo("invalidFilter");
    }

    @Test
    void multipartAndOtherBodiesThatAreNotJsonAre415AndCreateNothing() {
        String user = EntraBodies.user("multipart@x.example");
        for (String type : List.of("multipart/form-data", "multipart/form-data; boundary=XX", "text/plain",
                "application/xml", "application/x-www-form-urlencoded")) {
            expect(SCIM, 415, HostileRequest.of("POST", "/scim/v2/Users").bearer(company.scimToken()).body(type, user));
        }
        assertThat(scim.get("/Users?count=0").json().path("totalResults").asInt()).isZero();
    }

    @Test
    void textThatIsNotUnicodeIsInvalidValueAndNothingIsStored() {
        String id = scim.createUser("before@x.example");
        List<byte[]> bodies = List.of(
                utf8("{" + USER_SCHEMA + ",\"userName\":\"lone\\ud800@x.example\"}"),
                utf8("{" + USER_SCHEMA + ",\"userName\":\"nul\\u0000@x.example\"}"),
                utf8("{" + USER_SCHEMA + ",\"userName\":\"low\\udc00x@x.example\",\"displayName\":\"x\"}"),
                bytes("{" + USER_SCHEMA + ",\"userName\":\"over", 0xc0, 0xaf, "long@x.example\"}"),
                bytes("{" + USER_SCHEMA + ",\"userName\":\"surrogate", 0xed, 0xa0, 0x80, "@x.example\"}"),
                bytes("{" + USER_SCHEMA + ",\"userName\":\"beyond", 0xf4, 0x90, 0x80, 0x80, "@x.example\"}"));
        for (byte[] body : bodies) {
            for (String[] write : List.of(new String[] {"POST", "/scim/v2/Users"},
                    new String[] {"PUT", "/scim/v2/Users/" + id})) {
                RawHttp.Response r = expect(SCIM, 400, HostileRequest.of(write[0], write[1]).bearer(company.scimToken())
                        .body("application/scim+json", body));
                assertThat(scimType(r)).as(r.toString()).isEqualTo("invalidValue");
            }
        }
        RawHttp.Response patched = expect(SCIM, 400, HostileRequest.of("PATCH", "/scim/v2/Users/" + id)
                .bearer(company.scimToken()).body("application/scim+json", EntraBodies.patch(
                        "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\\ud800\"}]")));
        assertThat(scimType(patched)).isEqualTo("invalidValue");

        assertThat(scim.get("/Users?count=0").json().path("totalResults").asInt()).isEqualTo(1);
        JsonNode stored = scim.get("/Users/" + id).json();
        assertThat(stored.path("userName").asString()).isEqualTo("before@x.example");
        assertThat(stored.path("displayName").asString()).isEqualTo("before Example");
    }

    @Test
    void aFilterValueThatIsNotUnicodeIsInvalidFilter() {
        for (String value : List.of("%5Cud800", "a%5Cu0000b", "a%00b")) {
            RawHttp.Response r = expect(SCIM, 400,
                    scimGet("/scim/v2/Users?filter=userName%20eq%20%22" + value + "%22"));
            assertThat(scimType(r)).isEqualTo("invalidFilter");
        }
    }

    @Test
    void aUserOrGroupWhoseSchemasDoNotNameItsSchemaIsRefusedAndNotCreated() {
        List<String[]> refused = List.of(
                new String[] {"/Users", "{\"userName\":\"no-schemas@x.example\"}"},
                new String[] {"/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                        + "\"userName\":\"group-schema@x.example\"}"},
                new String[] {"/Groups", "{\"displayName\":\"No schemas\"}"},
                new String[] {"/Groups", "{" + USER_SCHEMA + ",\"displayName\":\"User schema\"}"});
        for (String[] request : refused) {
            Http.Response r = scim.post(request[0], request[1]);
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.json().path("scimType").asString()).isEqualTo("invalidSyntax");
        }
        assertThat(scim.get("/Users?count=0").json().path("totalResults").asInt()).isZero();
        assertThat(scim.get("/Groups?count=0").json().path("totalResults").asInt()).isZero();
    }

    @Test
    void theOperatorApiAnswersEveryRefusalInItsOwnJson() {
        expect(OPERATOR, 404, operatorRequest("GET", "/operator/v1/nope"));
        expect(OPERATOR, 405, operatorRequest("DELETE", "/operator/v1/companies"));
        expect(OPERATOR, 405, operatorRequest("FOO", "/operator/v1/companies"));
        expect(OPERATOR, 405, operatorRequest("TRACE", "/operator/v1/companies"));
        expect(OPERATOR, 400, operatorRequest("GET", "/operator/v1/companies/%2F"));
        expect(OPERATOR, 400, operatorRequest("GET", "/operator/v1/companies/" + company.id() + "/../x"));
        String log = "/operator/v1/companies/" + company.id() + "/provisioning-log";
        expect(OPERATOR, 400, operatorRequest("GET", log + "?limit=%"));
        expect(OPERATOR, 400, operatorRequest("GET", log + "?limit=ten"));
        expect(OPERATOR, 415, operatorRequest("POST", "/operator/v1/companies").body("text/plain", "x"));
        expect(OPERATOR, 415, operatorRequest("POST", "/operator/v1/companies").body("*/*", "{\"name\":\"x\"}"));
        expect(OPERATOR, 400, operatorRequest("POST", "/operator/v1/companies").body("application/json", "{"));
        expect(OPERATOR, 400, operatorRequest("POST", "/operator/v1/companies")
                .body("application/json", "{\"name\":\"N\\u0000UL\",\"plan\":\"premium\"}"));
        expect(OPERATOR, 431, operatorRequest("GET", "/operator/v1/companies").header("X-Padding", "p".repeat(20_000)));
    }

    @Test
    void theProductApiAnswersEveryRefusalAsAProblem() {
        Applications applications = new Applications(http());
        String key = applications.issueKey(applications.serving(company.id()).id());
        String companies = "/api/v1/companies";
        expect(API, 401, HostileRequest.of("GET", companies));
        expect(API, 401, HostileRequest.of("GET", companies).bearer("gh_key_wrong"));
        expect(API, 404, HostileRequest.of("GET", "/api/v1/nope").bearer(key));
        expect(API, 405, HostileRequest.of("FOO", companies).bearer(key));
        expect(API, 405, HostileRequest.of("TRACE", companies).bearer(key));
        expect(API, 400, HostileRequest.of("GET", companies + "/%2F").bearer(key));
        expect(API, 400, HostileRequest.of("GET", companies + "/x/../y").bearer(key));
        expect(API, 400, HostileRequest.of("GET", companies + "?limit=%").bearer(key));
        expect(API, 431, HostileRequest.of("GET", companies).bearer(key).header("X-Padding", "p".repeat(20_000)));
    }

    @Test
    void aConsoleOrSupportFormWithoutItsCsrfTokenIsTheirOwnPageNotTheFrameworksJson() {
        RawHttp.Response console = expect(CONSOLE, 403, HostileRequest.of("POST", "/console/spaces")
                .body("application/x-www-form-urlencoded", "name=x"));
        RawHttp.Response support = expect(SUPPORT, 403, HostileRequest.of("POST", "/support/sign-in")
                .body("application/x-www-form-urlencoded", "token=x"));

        assertThat(console.body()).contains("Go back, reload the page and try again");
        assertThat(support.body()).contains("Go back, reload the page and try again");
    }

    @Test
    void consoleSupportAndSignInPathsAnswerContainerFirewallAndFrameworkRefusalsWithTheirPages() {
        expect(CONSOLE, 400, HostileRequest.of("GET", "/console/users/%2F"));
        expect(CONSOLE, 400, HostileRequest.of("GET", "/login?target=%"));
        expect(CONSOLE, 400, HostileRequest.of("POST", "/login/password")
                .body("application/x-www-form-urlencoded", "email=%&password=x"));
        expect(CONSOLE, 405, HostileRequest.of("PROPFIND", "/console"));
        expect(CONSOLE, 431, HostileRequest.of("GET", "/console").header("X-Padding", "p".repeat(20_000)));
        expect(SUPPORT, 400, HostileRequest.of("GET", "/support/%5C"));
        expect(SUPPORT, 400, HostileRequest.of("GET", "/support/companies/..;/x"));
        String acs = "/saml/" + company.id() + "/acs";
        expect(SIGN_IN, 400, HostileRequest.of("POST", acs).body("multipart/form-data", "x"));
        expect(SIGN_IN, 400, HostileRequest.of("POST", acs).body("multipart/form-data; boundary=XX",
                "--XX\r\nContent-Disposition: form-data; name=\"SAMLResponse\"\r\n\r\nabc"));
        expect(SIGN_IN, 400, HostileRequest.of("POST", acs)
                .body("application/x-www-form-urlencoded", "SAMLResponse=%"));
        expect(SIGN_IN, 405, HostileRequest.of("TRACE", "/saml/" + company.id() + "/metadata"));
        expect(SIGN_IN, 404, HostileRequest.of("GET", "/saml/00000000-0000-0000-0000-000000000000/metadata"));
        expect(SIGN_IN, 400, HostileRequest.of("GET", "/saml/" + company.id() + "/../metadata"));
    }

    @Test
    void unknownAndMalformedAddressesOfTheSignedInConsolesAreTheirOwnPages() {
        String console = Sessions.cookies(Sessions.consoleAdmin(http(), company.id()));
        String support = Sessions.cookies(Sessions.supportTeam(http()));

        expect(CONSOLE, 404, HostileRequest.of("GET", "/console/no-such-page").header("Cookie", console));
        expect(CONSOLE, 404, HostileRequest.of("GET", "/console/groups/not-a-uuid").header("Cookie", console));
        expect(CONSOLE, 400, HostileRequest.of("GET", "/console/users?q=%").header("Cookie", console));
        expect(CONSOLE, 403, HostileRequest.of("DELETE", "/console/users").header("Cookie", console)); // no CSRF token
        expect(SUPPORT, 404, HostileRequest.of("GET", "/support/no-such-page").header("Cookie", support));
        expect(SUPPORT, 404, HostileRequest.of("GET", "/support/companies/not-a-uuid").header("Cookie", support));
        expect(SUPPORT, 400, HostileRequest.of("GET", "/support/companies?q=%ff").header("Cookie", support));
    }

    @Test
    void aConsoleOrSupportFormFieldWithANulOrABrokenSurrogateIs400OnEveryDatabaseBeforeAnythingRuns() {
        String console = Sessions.cookies(Sessions.consoleAdmin(http(), company.id()));
        for (String field : List.of("name=a%00b", "na%00me=x")) {
            RawHttp.Response r = expect(CONSOLE, 400, HostileRequest.of("POST", "/console/spaces")
                    .header("Cookie", console).body("application/x-www-form-urlencoded", field));
            assertThat(r.body()).contains("cannot be stored");
        }
        // A surrogate cannot be percent-encoded UTF-8 at all: the container's decoder refuses it first.
        expect(CONSOLE, 400, HostileRequest.of("POST", "/console/spaces").header("Cookie", console)
                .body("application/x-www-form-urlencoded", "name=x%ED%A0%80"));
        expect(SUPPORT, 400, HostileRequest.of("POST", "/support/sign-in")
                .body("application/x-www-form-urlencoded", "token=a%00b"));
        expect(CONSOLE, 400, HostileRequest.of("POST", "/login/password")
                .body("application/x-www-form-urlencoded", "email=a%00b%40x.example&password=x"));
    }

    @Test
    void anOperatorBodyThatIsNotWellFormedUtf8IsRefusedAndCreatesNothing() {
        int before = companyCount();
        byte[] overlongSlash = {(byte) 0xC0, (byte) 0xAF};
        for (byte[] text : List.of(overlongSlash, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xFF})) {
            byte[] body = concat("{\"name\":\"bad".getBytes(StandardCharsets.UTF_8), text,
                    "\",\"plan\":\"premium\"}".getBytes(StandardCharsets.UTF_8));
            RawHttp.Response r = expect(OPERATOR, 400, operatorRequest("POST", "/operator/v1/companies")
                    .body("application/json", body));
            assertThat(r.body()).contains("UTF-8");
        }
        assertThat(companyCount()).isEqualTo(before);
    }

    @Test
    void aRequestLineThatDoesNotParseGetsThePlainRefusal() {
        expect(UNKNOWN, 400, HostileRequest.of("GET", "/scim/v2/Users?x=a b"));
        expect(UNKNOWN, 400, HostileRequest.of("G\u0001T", "/scim/v2/Users"));
        assertThat(send(HostileRequest.of("GET", "/error")).status()).isEqualTo(404);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private int companyCount() {
        return new io.gatehouse.support.Operator(http()).call("GET", "/operator/v1/companies", null).json().size();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private HostileRequest scimGet(String target) {
        return HostileRequest.of("GET", target).bearer(company.scimToken());
    }

    private static HostileRequest operatorRequest(String method, String target) {
        return HostileRequest.of(method, target).bearer(OPERATOR_TOKEN);
    }

    private RawHttp.Response expect(Family family, int status, HostileRequest request) {
        RawHttp.Response r = send(request);
        assertThat(r.status()).as("status of %s: %s", request, r).isEqualTo(status);
        assertThat(ErrorFormats.problem(family, request.method(), r)).as("format of %s: %s", request, r).isNull();
        return r;
    }

    private RawHttp.Response send(HostileRequest request) {
        try {
            return RawHttp.send(port, request.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(RawHttp.Response r) {
        return Http.JSON.readTree(r.body());
    }

    private static String scimType(RawHttp.Response r) {
        return json(r).path("scimType").asString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Text and raw byte values in order: for bodies that are not UTF-8. */
    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) {
                out.writeBytes(utf8(s));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }
}
