package io.gatehouse.scim;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * {@code /scim/v2/Users/} is {@code /scim/v2/Users}: some SCIM clients (and test suites that build URLs by
 * joining the tenant URL and a path) send a trailing slash, and Spring Framework 7 no longer matches it. One
 * trailing slash is taken off the path the handler mapping sees; a request without one (every request Entra and
 * Okta send) is handed on as it is, so the check costs one character comparison and allocates nothing.
 */
final class TrailingSlash {

    private TrailingSlash() {
    }

    static HttpServletRequest strip(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (uri.length() < 2 || uri.charAt(uri.length() - 1) != '/') {
            return request;
        }
        return new Stripped(request, uri.substring(0, uri.length() - 1));
    }

    private static final class Stripped extends HttpServletRequestWrapper {

        private final String uri;

        Stripped(HttpServletRequest request, String uri) {
            super(request);
            this.uri = uri;
        }

        @Override
        public String getRequestURI() {
            return uri;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = super.getRequestURL();
            url.setLength(url.length() - 1);
            return url;
        }

        @Override
        public String getServletPath() {
            return withoutSlash(super.getServletPath());
        }

        @Override
        public String getPathInfo() {
            return withoutSlash(super.getPathInfo());
        }

        private static String withoutSlash(String path) {
            boolean slash = path != null && path.length() > 1 && path.endsWith("/");
            return slash ? path.substring(0, path.length() - 1) : path;
        }
    }
}
