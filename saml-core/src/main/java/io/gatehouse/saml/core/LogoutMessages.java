package io.gatehouse.saml.core;

import java.security.PrivateKey;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Writes our single logout messages (SAML core §3.7) for the HTTP-Redirect binding, signed over the query string
 * (bindings §3.4.4.1): the LogoutRequest of an SP-initiated logout, and the LogoutResponse that answers an
 * IdP-initiated one. Both carry Destination, as a signed Redirect message must (bindings §3.4.5.2).
 */
public final class LogoutMessages {

    public static final String STATUS_SUCCESS = SamlNames.STATUS_SUCCESS;
    /** SAML core §3.2.2.2: the responder could not do what was asked. */
    public static final String STATUS_RESPONDER = "urn:oasis:names:tc:SAML:2.0:status:Responder";

    /** A message ready to send: its ID and the URL to redirect the browser to. */
    public record Redirect(String id, String url, String xml) {}

    /** Who we are and where the IdP's SingleLogoutService is; our signing key and its algorithm URI. */
    public record Sender(String spEntityId, String idpSloUrl, PrivateKey key, String sigAlg, Clock clock) {
        public Sender {
            Objects.requireNonNull(spEntityId, "spEntityId");
            Objects.requireNonNull(idpSloUrl, "idpSloUrl");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(clock, "clock");
        }

        @Override
        public String toString() {
            return "Sender[" + spEntityId + " → " + idpSloUrl + "]"; // never the key
        }
    }

    private LogoutMessages() {
    }

    /** LogoutRequest (SAML core §3.7.1) for the person signed in with this NameID (and session index, if known). */
    public static Redirect request(Sender sender, String nameId, String nameIdFormat, String sessionIndex,
                                   String relayState) {
        String id = AuthnRequestBuilder.newId();
        StringBuilder b = start("LogoutRequest", id, sender).append('>');
        issuer(b, sender);
        b.append("<saml:NameID");
        if (nameIdFormat != null) {
            b.append(" Format=\"").append(XmlText.escape(nameIdFormat)).append('"');
        }
        b.append('>').append(XmlText.escape(Objects.requireNonNull(nameId, "nameId"))).append("</saml:NameID>");
        if (sessionIndex != null) {
            b.append("<samlp:SessionIndex>").append(XmlText.escape(sessionIndex)).append("</samlp:SessionIndex>");
        }
        String xml = b.append("</samlp:LogoutRequest>").toString();
        return redirect(sender, id, "SAMLRequest", xml, relayState);
    }

    /** LogoutResponse (SAML core §3.7.2) answering the IdP's LogoutRequest {@code inResponseTo}. */
    public static Redirect response(Sender sender, String inResponseTo, String statusCode, String relayState) {
        String id = AuthnRequestBuilder.newId();
        StringBuilder b = start("LogoutResponse", id, sender).append(" InResponseTo=\"")
                .append(XmlText.escape(inResponseTo)).append("\">");
        issuer(b, sender);
        b.append("<samlp:Status><samlp:StatusCode Value=\"").append(XmlText.escape(statusCode))
                .append("\"/></samlp:Status>");
        String xml = b.append("</samlp:LogoutResponse>").toString();
        return redirect(sender, id, "SAMLResponse", xml, relayState);
    }

    private static StringBuilder start(String element, String id, Sender sender) {
        return new StringBuilder(512).append("<samlp:").append(element).append(" xmlns:samlp=\"")
                .append(SamlNames.PROTOCOL).append("\" xmlns:saml=\"").append(SamlNames.ASSERTION).append("\" ID=\"")
                .append(id).append("\" Version=\"2.0\" IssueInstant=\"")
                .append(sender.clock().instant().truncatedTo(ChronoUnit.MILLIS)).append("\" Destination=\"")
                .append(XmlText.escape(sender.idpSloUrl())).append('"');
    }

    private static void issuer(StringBuilder b, Sender sender) {
        b.append("<saml:Issuer>").append(XmlText.escape(sender.spEntityId())).append("</saml:Issuer>");
    }

    private static Redirect redirect(Sender sender, String id, String parameter, String xml, String relayState) {
        String query = RedirectBinding.query(parameter, xml, relayState, sender.key(), sender.sigAlg());
        String separator = sender.idpSloUrl().contains("?") ? "&" : "?";
        return new Redirect(id, sender.idpSloUrl() + separator + query, xml);
    }
}
