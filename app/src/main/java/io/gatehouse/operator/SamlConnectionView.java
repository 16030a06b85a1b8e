package io.gatehouse.operator;

import io.gatehouse.saml.ClaimMapping;
import io.gatehouse.saml.ConnectionOptions;
import io.gatehouse.saml.ConnectionReport;
import io.gatehouse.saml.SamlConnection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operator API's JSON for a SAML connection. "metadataUrl" is our SP metadata URL (as in the
 * company's "saml" block); the IdP's metadata URL, when the connection is fed from one, is "idpMetadataUrl".
 */
final class SamlConnectionView {

    private SamlConnectionView() {}

    static Map<String, Object> of(ConnectionReport report) {
        SamlConnection c = report.connection();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("idpEntityId", c.idpEntityId());
        view.put("ssoUrl", c.ssoUrl());
        view.put("certificates", report.certificates().stream().map(cert -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("subject", cert.subject());
            m.put("notAfter", cert.notAfter().toString());
            m.put("sha256", cert.sha256());
            m.put("sha1", cert.sha1());
            return m;
        }).toList());
        view.put("warnings", report.warnings().stream()
                .map(w -> Map.of("code", w.code().name(), "detail", w.detail())).toList());
        view.put("metadataSigned", report.metadataSigned());
        view.put("spEntityId", report.spEntityId());
        view.put("replyUrl", report.replyUrl());
        view.put("metadataUrl", report.spMetadataUrl());
        view.put("loginUrl", report.loginUrl());
        view.put("logoutUrl", report.logoutUrl());
        view.put("idpMetadataUrl", c.metadataUrl());
        view.put("idpMetadataFetchedAt", text(c.metadataFetchedAt()));
        view.put("idpMetadataRefreshError", c.metadataRefreshError());
        view.put("options", options(c.options()));
        view.put("updatedAt", text(c.updatedAt()));
        return view;
    }

    private static Map<String, Object> options(ConnectionOptions o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spEntityId", o.spEntityIdOverride());
        m.put("allowIdpInitiated", o.allowIdpInitiated());
        m.put("allowSha1", o.allowSha1());
        m.put("signAuthnRequests", o.signAuthnRequests());
        m.put("linkBy", o.linkBy().name());
        m.put("jitEnabled", o.jitEnabled());
        ClaimMapping claims = o.claims();
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("userName", claims.userName());
        cm.put("externalId", claims.externalId());
        cm.put("email", claims.email());
        cm.put("givenName", claims.givenName());
        cm.put("familyName", claims.familyName());
        cm.put("displayName", claims.displayName());
        m.put("claimMapping", cm);
        return m;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
