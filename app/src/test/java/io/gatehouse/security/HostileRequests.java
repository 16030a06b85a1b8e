package io.gatehouse.security;

import io.gatehouse.security.ErrorFormats.Family;
import io.gatehouse.support.EntraBodies;
import io.gatehouse.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates hostile requests, one category at a time, against the paths of every family. Each probe knows its family
 * (by construction: the family's path is mutated only behind its first segment) and, where the category has one, a
 * sharper expectation than "a 4xx in the family's format": the scimType of a body that is not Unicode or names the
 * wrong schemas, or that a request with one company's credentials for the other company's ids is not a success.
 */
final class HostileRequests {

    /** Two companies with users and groups, and the sessions and tokens to reach every family. */
    record World(String aId, String aToken, String aUser, String aGroup,
                 String bId, String bToken, String bUser, String bGroup, String bUserName, String bGroupName,
                 String cId, String consoleCookie, String consoleCsrf, String supportCookie, String supportCsrf) {}

    /** One generated request; {@code check} adds the category's own expectation (null: none). */
    record Probe(String category, Family family, HostileRequest request, Check check) {}

    interface Check {
        /** Why the answer is wrong for this probe, or null. */
        String problem(RawHttp.Response r);
    }

    static final List<String> CATEGORIES = List.of("percent-encoding", "parameter-flood", "content-type", "method",
            "path", "header", "request-line", "unicode", "schemas", "cross-tenant");

    private static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String SCIM_JSON = "application/scim+json";
    private static final List<String> BAD_PERCENT = List.of("%", "%G1", "%ZZ", "%ff%fe", "%C0%AF", "%ED%A0%80",
            "%F4%90%80%80", "%2F", "%5C", "%00", "%25", "%u0041", "%4", "%%", "%E2%82", "%c3%28", "%80", "%2e%2e");
    private static final List<String> ODD_METHODS = List.of("FOO", "PROPFIND", "MKCOL", "LOCK", "UNLOCK", "PURGE",
            "QUERY", "M-SEARCH", "SEARCH", "COPY", "MOVE", "get", "Get", "post", "TRACE", "CONNECT", "OPTIONS", "HEAD",
            "PATCH", "DELETE", "BREW", "X", "GETT", "ACL", "REPORT", "LINK");
    private static final List<String> PATH_TRICKS = List.of("/..", "/.", "/%2e%2e", "/%2e", "/%2E", ";x=1",
            ";jsessionid=abc", "%3B", "%3b", "//", "/./", "\\", "%5c", "/%2F", "/", "/..;/", "/%252e%252e",
            "/" + "a".repeat(3_000), "/%00", "/..%2F", "/.%2e/", "/~", "/*", "/%20");
    private static final List<String> ODD_TYPES = List.of("multipart/form-data", "multipart/form-data; boundary=",
            "multipart/form-data; boundary=XX", "multipart/mixed; boundary=b", "text/plain", "text/html",
            "application/xml", "text/xml", FORM, "application/octet-stream", ";;;", "application/", "/json", "json",
            "application/json; charset=ebcdic", "application/scim+json; charset=utf-16", "image/png", "*/*",
            "application/x-www-form-urlencoded; charset=utf-8", "garbage/garbage; a=\"b");

    private final World w;

    HostileRequests(World w) {
        this.w = w;
    }

    Probe next(SplittableRandom r) {
        String category = CATEGORIES.get(r.nextInt(CATEGORIES.size()));
        return switch (category) {
            case "percent-encoding" -> percentEncoding(r);
            case "parameter-flood" -> parameterFlood(r);
            case "content-type" -> contentType(r);
            case "method" -> method(r);
            case "path" -> path(r);
            case "header" -> header(r);
            case "request-line" -> requestLine(r);
            case "unicode" -> unicode(r);
            case "schemas" -> schemas(r);
            default -> crossTenant(r);
        };
    }

    // ---- the targets: one ordinary request per endpoint of every family ---------------------------------------

    /** An ordinary request of a family: method, path (with query), body and its type, credentials. */
    private record Target(Family family, String method, String path, String type, String body) {}

    private Target target(SplittableRandom r) {
        String user = EntraBodies.user("fuzz" + r.nextInt(1_000_000) + "@a.example");
        String patch = EntraBodies.patch("[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Fuzzed\"}]");
        List<Target> targets = List.of(
                new Target(Family.SCIM, "GET", "/scim/v2/Users", null, null),
                new Target(Family.SCIM, "GET", "/scim/v2/Users?filter=userName%20eq%20%22x%40a.example%22&count=5",
                        null, null),
                new Target(Family.SCIM, "GET", "/scim/v2/Groups?excludedAttributes=members&startIndex=1", null, null),
                new Target(Family.SCIM, "GET", "/scim/v2/Users/" + w.aUser(), null, null),
                new Target(Family.SCIM, "GET", "/scim/Groups/" + w.aGroup(), null, null),
                new Target(Family.SCIM, "GET", "/scim/v2/ServiceProviderConfig", null, null),
                new Target(Family.SCIM, "GET", "/scim/Schemas", null, null),
                new Target(Family.SCIM, "POST", "/scim/v2/Users", SCIM_JSON, user),
                new Target(Family.SCIM, "PUT", "/scim/v2/Users/" + w.aUser(), SCIM_JSON,
                        EntraBodies.user("fuzz.a@a.example")),
                new Target(Family.SCIM, "PATCH", "/scim/v2/Groups/" + w.aGroup(), SCIM_JSON, patch),
                new Target(Family.SCIM, "POST", "/scim/v2/Groups", SCIM_JSON,
                        EntraBodies.group("Fuzz " + r.nextInt(1_000_000))),
                new Target(Family.OPERATOR, "GET", "/operator/v1/companies/" + w.aId(), null, null),
                new Target(Family.OPERATOR, "GET", "/operator/v1/companies/" + w.aId() + "/provisioning-log?limit=5",
                        null, null),
                new Target(Family.OPERATOR, "GET", "/operator/v1/companies/" + w.aId() + "/admins", null, null),
                new Target(Family.OPERATOR, "POST", "/operator/v1/companies", "application/json",
                        "{\"name\":\"Fuzz " + r.nextInt(1_000_000) + "\",\"plan\":\"standard\"}"),
                new Target(Family.OPERATOR, "PATCH", "/operator/v1/companies/" + w.cId(), "application/json",
                        "{\"plan\":\"premium\"}"),
                new Target(Family.SIGN_IN, "POST", "/saml/" + w.aId() + "/acs", FORM,
                        "SAMLResponse=PHg%2B&RelayState=%2Fapp"),
                new Target(Family.SIGN_IN, "GET", "/saml/" + w.aId() + "/metadata", null, null),
                new Target(Family.SIGN_IN, "GET", "/saml/" + w.aId() + "/login?target=%2Fapp", null, null),
                new Target(Family.SIGN_IN, "GET", "/oidc/" + w.aId() + "/login", null, null),
                new Target(Family.CONSOLE, "GET", "/console", null, null),
                new Target(Family.CONSOLE, "GET", "/console/users?q=ada", null, null),
                new Target(Family.CONSOLE, "GET", "/console/groups/" + w.aGroup(), null, null),
                new Target(Family.CONSOLE, "GET", "/console/spaces", null, null),
                new Target(Family.CONSOLE, "GET", "/console/audit", null, null),
                new Target(Family.CONSOLE, "GET", "/login?target=%2Fconsole", null, null),
                new Target(Family.CONSOLE, "POST", "/console/spaces/create", FORM,
                        "name=Fuzz+" + r.nextInt(1_000_000) + "&_csrf=" + w.consoleCsrf()),
                new Target(Family.SUPPORT, "GET", "/support/companies?q=Fuzz", null, null),
                new Target(Family.SUPPORT, "GET", "/support/companies/" + w.aId(), null, null),
                new Target(Family.SUPPORT, "POST", "/support/companies", FORM, "name=x&plan=standard"));
        return targets.get(r.nextInt(targets.size()));
    }

    /** The target as a request with its family's credentials (now and then none, or a wrong one). */
    private HostileRequest request(Target t, String method, String path, SplittableRandom r) {
        HostileRequest request = HostileRequest.of(method, path);
        boolean credentials = r.nextInt(10) > 0;
        switch (t.family()) {
            case SCIM -> request.bearer(credentials ? w.aToken() : r.nextBoolean() ? null : "gh_scim_x_" + r.nextInt());
            case OPERATOR -> request.bearer(credentials ? IntegrationTest.OPERATOR_TOKEN
                    : r.nextBoolean() ? null : "x");
            case CONSOLE -> {
                if (credentials) {
                    request.header("Cookie", w.consoleCookie());
                }
            }
            case SUPPORT -> {
                if (credentials) {
                    request.header("Cookie", w.supportCookie());
                }
            }
            default -> { }
        }
        return request;
    }

    private HostileRequest ordinary(Target t, SplittableRandom r) {
        HostileRequest request = request(t, t.method(), t.path(), r);
        return t.body() == null ? request : request.body(t.type(), t.body());
    }

    // ---- categories -----------------------------------------------------------------------------------------

    private Probe percentEncoding(SplittableRandom r) {
        Target t = target(r);
        String bad = r.nextInt(4) == 0 ? randomPercent(r) : pick(r, BAD_PERCENT);
        String path = switch (r.nextInt(3)) {
            case 0 -> insertIntoPath(t.path(), "/" + bad, r);
            case 1 -> t.path() + (t.path().contains("?") ? "&" : "?")
                    + pick(r, "filter", "count", "q", "x", "target", "limit", "") + "=" + bad;
            default -> t.path().contains("?") ? t.path().replaceFirst("=", "=" + bad) : t.path() + "?" + bad;
        };
        HostileRequest request = request(t, t.method(), path, r);
        if (t.body() != null) {
            boolean form = FORM.equals(t.type()) && r.nextBoolean();
            request.body(t.type(), form ? t.body() + "&x=" + bad : t.body());
        }
        return new Probe("percent-encoding", t.family(), request, null);
    }

    private Probe parameterFlood(SplittableRandom r) {
        Target t = target(r);
        StringBuilder query = new StringBuilder(t.path()).append(t.path().contains("?") ? "&" : "?");
        switch (r.nextInt(4)) {
            case 0 -> {
                int count = 1_001 + r.nextInt(800); // the request line stays under Tomcat's 16 KB: the path is known
                for (int i = 0; i < count; i++) {
                    query.append(i == 0 ? "" : "&").append((char) ('a' + r.nextInt(26))).append(i).append("=");
                }
            }
            case 1 -> query.append("filter=").append("x".repeat(4_000 + r.nextInt(9_000)));
            case 2 -> query.append("=&=&&&=x&".repeat(1 + r.nextInt(300)));
            default -> {
                for (int i = 0, n = 200 + r.nextInt(700); i < n; i++) {
                    query.append(i == 0 ? "" : "&")
                            .append(pick(r, "filter", "count", "startIndex", "sortBy", "attributes"))
                            .append("=").append(r.nextInt(3) == 0 ? "-1" : "x");
                }
            }
        }
        HostileRequest request = request(t, t.method(), query.toString(), r);
        if (t.body() != null) {
            request.body(t.type(), t.body());
        }
        return new Probe("parameter-flood", t.family(), request, null);
    }

    private Probe contentType(SplittableRandom r) {
        Target t = target(r);
        String method = t.body() != null ? t.method() : pick(r, "POST", "PUT", "PATCH");
        String type = r.nextInt(8) == 0 ? null : pick(r, ODD_TYPES);
        byte[] body = switch (r.nextInt(5)) {
            case 0 -> utf8("--XX\r\nContent-Disposition: form-data; name=\"SAMLResponse\"\r\n\r\nabc");
            case 1 -> utf8("--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xml\"\r\n\r\n"
                    + "<x/>\r\n--XX--\r\n");
            case 2 -> utf8(t.body() != null ? t.body()
                    : "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"ct@a.example\"}");
            case 3 -> randomBytes(r, 1 + r.nextInt(300));
            default -> new byte[0];
        };
        HostileRequest request = request(t, method, t.path(), r);
        if (type == null) {
            request.body(null, body);
        } else {
            request.body(type, body);
        }
        return new Probe("content-type", t.family(), request, null);
    }

    private Probe method(SplittableRandom r) {
        Target t = target(r);
        String method = r.nextInt(6) == 0 ? randomToken(r) : pick(r, ODD_METHODS);
        if (method.equals("DELETE") && t.family() == Family.SCIM) {
            method = "PURGE"; // a DELETE of company A's own targets would only make later probes 404
        }
        HostileRequest request = request(t, method, t.path(), r);
        if (t.body() != null && r.nextBoolean()) {
            request.body(t.type(), t.body());
        }
        return new Probe("method", t.family(), request, null);
    }

    private Probe path(SplittableRandom r) {
        Target t = target(r);
        String path = insertIntoPath(t.path(), pick(r, PATH_TRICKS), r);
        HostileRequest request = request(t, t.method(), path, r);
        if (t.body() != null) {
            request.body(t.type(), t.body());
        }
        return new Probe("path", t.family(), request, null);
    }

    private Probe header(SplittableRandom r) {
        Target t = target(r);
        HostileRequest request = request(t, t.method(), t.path(), r);
        byte[] body = t.body() == null ? null : utf8(t.body());
        String type = t.type();
        switch (r.nextInt(16)) {
            case 0 -> request.header("X-Padding", "p".repeat(17_000 + r.nextInt(30_000)));
            case 1 -> {
                int count = 101 + r.nextInt(300);
                for (int i = 0; i < count; i++) {
                    request.header("X-H" + i, "v");
                }
            }
            case 2 -> request.header(pick(r, "X-Note", "User-Agent", "Accept", "If-Match"),
                    "a" + pickChar(r, "\u0001\u0002\u0007\u0008\u000b\u000c\u000e\u001b\u001f\u007f\u0000") + "b");
            case 3 -> request.header(pick(r, "If-None-Match", "If-Match", "User-Agent", "Accept", "Accept-Language"),
                    "a" + (char) (0x80 + r.nextInt(0x80)) + "b");
            case 4 -> request.header("Expect", pick(r, "garbage", "100-continue", "200-ok", "", "100-continue, x"));
            case 5 -> {
                request.header("Content-Length", pick(r, "abc", "-1", "1, 2", "99999999999999999999", "0x10", " 3"));
                body = body == null ? utf8("abc") : body;
            }
            case 6 -> {
                request.header("Content-Length", "3").header("Content-Length", "4");
                body = utf8("abcd");
            }
            case 7 -> {
                request.header("Transfer-Encoding", pick(r, "gzip", "identity", "chunked, gzip", "garbage", "deflate"));
                body = utf8("5\r\nhello\r\n0\r\n\r\n");
            }
            case 8 -> {
                request.header("Transfer-Encoding", "chunked");
                body = utf8(pick(r, "ZZ\r\nabc\r\n0\r\n\r\n", "3\r\nabcdef\r\n0\r\n\r\n", "-1\r\nx\r\n0\r\n\r\n",
                        "1;" + "e".repeat(9_000) + "\r\na\r\n0\r\n\r\n",
                        "0\r\nX-Trailer: " + "t".repeat(100) + "\r\n\r\n"));
            }
            case 9 -> request.header("X-Folded", "a\r\n b");
            case 10 -> request.header(pick(r, "X A", "", "X\u0001Y", "X:Y", "(x)", "X\u00e9"), "b");
            case 11 -> request.header("Host", pick(r, "a b", "", "x:99999", "[::1", "h\u0001st", "x, y"));
            case 12 -> request.header("Authorization", pick(r, "Bearer ", "Bearer " + "g".repeat(8_000),
                    "Basic Zm9vOmJhcg==",
                    "Bearer gh_scim_" + "A".repeat(16) + "_" + "b".repeat(43), "bearer\t" + w.aToken(), "Negotiate x"));
            case 13 -> request.header("Cookie", pick(r, "GATEHOUSE_SESSION=" + "z".repeat(3_000), "=;=;=", "a=\"b",
                    "GATEHOUSE_SESSION=%00", "XSRF-TOKEN=" + "\u00ff"));
            case 14 -> request.header("Accept", pick(r, "garbage", "application/xml", "*/*;q=x",
                    "text/html;level=1;q=0",
                    ",,,", "application/scim+json;q=0"));
            default -> {
                type = pick(r, "application/scim+json; charset=ebcdic", "application/json; charset=\"",
                        "application/json; boundary", FORM + "; charset=nope");
                body = body == null ? utf8("{}") : body;
            }
        }
        if (body != null) {
            request.body(type, body);
        }
        return new Probe("header", t.family(), request, null);
    }

    /** A request line Tomcat cannot parse far enough to know the path: the family is unknown. */
    private Probe requestLine(SplittableRandom r) {
        Target t = target(r);
        String path = t.path();
        HostileRequest request = switch (r.nextInt(9)) {
            case 0 -> HostileRequest.of(t.method(), path + (path.contains("?") ? "&" : "?") + "x=a b");
            case 1 -> HostileRequest.of(t.method(), path + "/" + (char) (0x80 + r.nextInt(0x80)));
            case 2 -> HostileRequest.of("G" + pickChar(r, "\u0001\u007f(),/@[") + "T", path);
            case 3 -> HostileRequest.of(t.method(), path + " HTTP/9.9 x");
            case 4 -> HostileRequest.of(t.method(), path + "?" + "q".repeat(17_000 + r.nextInt(20_000)));
            case 5 -> HostileRequest.of("", path);
            case 6 -> HostileRequest.of(t.method(), path + "\u0001");
            case 7 -> HostileRequest.of(t.method(), "http://localhost" + path + "/%2F");
            default -> HostileRequest.of(t.method(), "*");
        };
        return new Probe("request-line", Family.UNKNOWN, request, null);
    }

    /** A SCIM or operator body with text that is not Unicode; SCIM must say invalidValue. */
    private Probe unicode(SplittableRandom r) {
        byte[] bad = switch (r.nextInt(12)) {
            case 0 -> utf8("\\ud800");
            case 1 -> utf8("\\udfff");
            case 2 -> utf8("\\ud800\\ud800");
            case 3 -> utf8("\\udc00\\ud800");
            case 4 -> utf8("\\u0000");
            case 5 -> new byte[] {(byte) 0xc0, (byte) 0xaf};
            case 6 -> new byte[] {(byte) 0xe0, (byte) 0x80, (byte) 0xaf};
            case 7 -> new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80};
            case 8 -> new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80};
            case 9 -> new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80};
            case 10 -> new byte[] {(byte) 0xc3};
            default -> new byte[] {(byte) 0x80};
        };
        boolean escape = bad[0] == '\\';
        int kind = r.nextInt(7);
        if (kind == 6) { // the operator API: an escape is refused while binding; raw bytes are Jackson's to judge
            byte[] body = join(utf8("{\"name\":\"Fuzz"), bad, utf8("\",\"plan\":\"standard\"}"));
            HostileRequest request = HostileRequest.of("POST", "/operator/v1/companies")
                    .bearer(IntegrationTest.OPERATOR_TOKEN).body("application/json", body);
            return new Probe("unicode", Family.OPERATOR, request, escape ? status(400) : null);
        }
        String user = "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"";
        // method, path, the body before the bad text, the body after it
        String[] write = switch (kind) {
            case 0 -> new String[] {"POST", "/scim/v2/Users", user + "u" + r.nextInt() + "@x", "\"}"};
            case 1 -> new String[] {"PUT", "/scim/v2/Users/" + w.aUser(),
                user + "fuzz.a@a.example\",\"displayName\":\"d", "\"}"};
            case 2 -> new String[] {"POST", "/scim/v2/Users",
                user + "e" + r.nextInt() + "@x\",\"emails\":[{\"value\":\"v", "\"}]}"};
            case 3 -> new String[] {"PATCH", "/scim/v2/Users/" + w.aUser(),
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\","
                        + "\"path\":\"title\",\"value\":\"t", "\"}]}"};
            case 4 -> new String[] {"POST", "/scim/v2/Groups",
                "{\"schemas\":[\"" + GROUP_URN + "\"],\"displayName\":\"g", "\"}"};
            default -> new String[] {"POST", "/scim/v2/Users", user + "k" + r.nextInt() + "@x\",\"x", "\":1}"};
        };
        HostileRequest request = HostileRequest.of(write[0], write[1]).bearer(w.aToken())
                .body(SCIM_JSON, join(utf8(write[2]), bad, utf8(write[3])));
        return new Probe("unicode", Family.SCIM, request, scimError(400, "invalidValue"));
    }

    /** A User or Group whose schemas do not name its schema: 400 invalidSyntax. */
    private Probe schemas(SplittableRandom r) {
        boolean group = r.nextBoolean();
        String schemas = pick(r, "", "\"schemas\":[],", "\"schemas\":null,",
                "\"schemas\":\"" + (group ? GROUP_URN : USER_URN) + "\",",
                "\"schemas\":[1],", "\"schemas\":[\"" + (group ? USER_URN : GROUP_URN) + "\"],",
                "\"schemas\":[\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],", "\"schemas\":{},");
        String body = group ? "{" + schemas + "\"displayName\":\"Schemaless " + r.nextInt() + "\"}"
                : "{" + schemas + "\"userName\":\"schemaless" + r.nextInt() + "@a.example\"}";
        String method = r.nextBoolean() ? "POST" : "PUT";
        String path = "/scim/v2/" + (group ? "Groups" : "Users")
                + (method.equals("PUT") ? "/" + (group ? w.aGroup() : w.aUser()) : "");
        HostileRequest request = HostileRequest.of(method, path).bearer(w.aToken()).body(SCIM_JSON, body);
        return new Probe("schemas", Family.SCIM, request, scimError(400, "invalidSyntax"));
    }

    /** Company A's credentials against company B's ids (or B's against A's): never a success, never B's data. */
    private Probe crossTenant(SplittableRandom r) {
        String id = r.nextBoolean() ? w.bUser() : w.bGroup();
        String resource = id.equals(w.bUser()) ? "Users" : "Groups";
        String variant = pick(r, id, id.toUpperCase(), id + "/", id.replace("-", "%2D"), id + "?attributes=userName",
                id + "?excludedAttributes=members", " " + id);
        Check notB = notSuccessAndNothingOfB();
        return switch (r.nextInt(7)) {
            case 0, 1 -> {
                String method = pick(r, "GET", "PUT", "PATCH", "DELETE", "HEAD");
                String body = switch (method) {
                    case "PUT" -> resource.equals("Users") ? EntraBodies.user("taken.over@a.example")
                            : EntraBodies.group("Taken over");
                    case "PATCH" -> EntraBodies.patch(
                            "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]");
                    default -> null;
                };
                HostileRequest request = HostileRequest.of(method, "/scim/" + pick(r, "v2/", "") + resource + "/"
                        + variant.replace(" ", "%20")).bearer(w.aToken());
                yield new Probe("cross-tenant", Family.SCIM, body == null ? request : request.body(SCIM_JSON, body),
                        notB);
            }
            case 2 -> {
                String filter = pick(r, "userName%20eq%20%22" + w.bUserName().replace("@", "%40") + "%22",
                        "id%20eq%20%22" + w.bUser() + "%22", "externalId%20pr", "displayName%20eq%20%22"
                                + w.bGroupName().replace(" ", "%20") + "%22", "members%20eq%20%22" + w.bUser() + "%22");
                boolean groups = filter.startsWith("members") || filter.startsWith("displayName");
                String path = "/scim/v2/" + (groups ? "Groups" : "Users") + "?filter=" + filter;
                yield new Probe("cross-tenant", Family.SCIM, HostileRequest.of("GET", path).bearer(w.aToken()),
                        noDataOfB());
            }
            case 3 -> {
                String patch = EntraBodies.patch("[{\"op\":\"" + pick(r, "add", "Add", "replace")
                        + "\",\"path\":\"members\","
                        + "\"value\":[{\"value\":\"" + w.bUser() + "\"}]}]");
                yield new Probe("cross-tenant", Family.SCIM, HostileRequest.of("PATCH", "/scim/v2/Groups/" + w.aGroup())
                        .bearer(w.aToken()).body(SCIM_JSON, patch), notB);
            }
            case 4 -> new Probe("cross-tenant", Family.SCIM, HostileRequest.of(pick(r, "GET", "DELETE"),
                    "/scim/v2/Users/" + w.aUser()).bearer(w.bToken()), notSuccess());
            case 5 -> new Probe("cross-tenant", Family.CONSOLE,
                    HostileRequest.of("GET", "/console/groups/" + w.bGroup()).header("Cookie", w.consoleCookie()),
                    notB);
            default -> {
                String path = pick(r, "/console/users/" + w.bUser() + "/deactivate",
                        "/console/groups/" + w.bGroup() + "/spaces");
                HostileRequest request = HostileRequest.of("POST", path).header("Cookie", w.consoleCookie())
                        .body(FORM, "spaceId=" + w.bGroup() + "&role=VIEWER&_csrf=" + w.consoleCsrf());
                yield new Probe("cross-tenant", Family.CONSOLE, request, notSuccessOrRedirect());
            }
        };
    }

    // ---- checks ---------------------------------------------------------------------------------------------------

    private static Check status(int status) {
        return r -> r.status() == status ? null : "expected " + status;
    }

    private static Check scimError(int status, String scimType) {
        return r -> {
            if (r.status() != status) {
                return "expected " + status + " " + scimType;
            }
            return r.body().contains("\"scimType\":\"" + scimType + "\"") ? null : "expected scimType " + scimType;
        };
    }

    private Check notSuccess() {
        return r -> r.status() >= 200 && r.status() < 300 ? "a success across companies" : null;
    }

    private Check notSuccessOrRedirect() {
        return r -> r.status() >= 200 && r.status() < 400
                ? "a success (or a redirect after success) across companies" : null;
    }

    private Check notSuccessAndNothingOfB() {
        Check noData = noDataOfB();
        return r -> {
            String problem = notSuccess().problem(r);
            return problem != null ? problem : noData.problem(r);
        };
    }

    /** B's names never appear; B's ids only where a refusal names the id the client sent. */
    private Check noDataOfB() {
        return r -> (r.status() < 300 && (r.body().contains(w.bUser()) || r.body().contains(w.bGroup())))
                || r.body().contains(w.bUserName()) || r.body().contains(w.bGroupName())
                ? "company B's data in the answer" : null;
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** Inserts {@code piece} at a '/' behind the first segment of the path (the family stays known). */
    private static String insertIntoPath(String pathAndQuery, String piece, SplittableRandom r) {
        int query = pathAndQuery.indexOf('?');
        String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        String rest = query < 0 ? "" : pathAndQuery.substring(query);
        int firstSegmentEnd = path.indexOf('/', 1);
        if (firstSegmentEnd < 0) {
            return path + piece + rest;
        }
        int at = firstSegmentEnd + r.nextInt(path.length() - firstSegmentEnd + 1);
        return path.substring(0, at) + piece + path.substring(at) + rest;
    }

    private static String randomPercent(SplittableRandom r) {
        String chars = "0123456789abcdefABCDEFGZz%-";
        return "%" + chars.charAt(r.nextInt(chars.length())) + chars.charAt(r.nextInt(chars.length()));
    }

    private static String randomToken(SplittableRandom r) {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_.!#$%&'*+^`|~0123456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0, n = 1 + r.nextInt(12); i < n; i++) {
            s.append(chars.charAt(r.nextInt(chars.length())));
        }
        return s.toString();
    }

    private static byte[] randomBytes(SplittableRandom r, int length) {
        byte[] bytes = new byte[length];
        r.nextBytes(bytes);
        return bytes;
    }

    private static byte[] join(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static char pickChar(SplittableRandom r, String chars) {
        return chars.charAt(r.nextInt(chars.length()));
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom r, T... values) {
        return values[r.nextInt(values.length)];
    }

    private static <T> T pick(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
