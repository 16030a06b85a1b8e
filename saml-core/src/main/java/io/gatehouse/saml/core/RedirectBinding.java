package io.gatehouse.saml.core;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The HTTP-Redirect binding (SAML bindings §3.4.4): a message is raw DEFLATE (RFC 1951), base64 and URL-encoded into
 * {@code SAMLRequest} or {@code SAMLResponse}; its signature is over the query string
 * {@code SAMLRequest=…&RelayState=…&SigAlg=…} exactly as the parameters were URL-encoded (§3.4.4.1), not over XML.
 * RSA with SHA-256, -384 or -512 (SHA-1 only where a connection accepts it); XMLDSig's ECDSA value encoding differs
 * from the JDK's, and no customer IdP asked.
 */
public final class RedirectBinding {

    static final Map<String, String> JCA_SIGNATURES = Map.of(
            SamlNames.RSA_SHA256, "SHA256withRSA", SamlNames.RSA_SHA384, "SHA384withRSA",
            SamlNames.RSA_SHA512, "SHA512withRSA", SamlNames.RSA_SHA1, "SHA1withRSA");

    private RedirectBinding() {
    }

    /**
     * The query string carrying {@code xml} as {@code parameter} (SAMLRequest or SAMLResponse), with RelayState when
     * not null, signed with {@code key} under {@code sigAlg} when the key is not null.
     */
    static String query(String parameter, String xml, String relayState, PrivateKey key, String sigAlg) {
        StringBuilder query = new StringBuilder(parameter).append('=').append(urlEncode(deflateBase64(xml)));
        if (relayState != null) {
            query.append("&RelayState=").append(urlEncode(relayState));
        }
        if (key != null) {
            if (!JCA_SIGNATURES.containsKey(sigAlg) || SamlNames.RSA_SHA1.equals(sigAlg)) {
                throw new IllegalArgumentException("unsupported SigAlg " + sigAlg);
            }
            query.append("&SigAlg=").append(urlEncode(sigAlg));
            String signature = sign(query.toString(), key, sigAlg); // over everything before "&Signature="
            query.append("&Signature=").append(urlEncode(signature));
        }
        return query.toString();
    }

    /** Raw DEFLATE (no zlib header) then base64, as §3.4.4.1 requires. */
    static String deflateBase64(String xml) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(xml.length());
            byte[] buffer = new byte[1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    /** The XML of a (URL-decoded) parameter value: base64 then bounded inflation (no DEFLATE bomb). */
    static byte[] inflateBase64(String value, int maxBytes) throws Rejection {
        byte[] deflated;
        try {
            deflated = Base64.getMimeDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw Rejection.of(FailureCode.MALFORMED_XML, "the message is not base64");
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw Rejection.of(FailureCode.MALFORMED_XML, "the message is not complete raw DEFLATE data");
                }
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw Rejection.of(FailureCode.INPUT_TOO_LARGE, "at most " + maxBytes + " bytes of XML",
                            "more", "the inflated message exceeds the size limit");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw Rejection.of(FailureCode.MALFORMED_XML, "the message is not raw DEFLATE data");
        } finally {
            inflater.end();
        }
    }

    static boolean verifies(String signedOctets, byte[] signature, PublicKey key, String sigAlg) {
        try {
            Signature verifier = Signature.getInstance(JCA_SIGNATURES.get(sigAlg));
            verifier.initVerify(key);
            verifier.update(signedOctets.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // a key of another type, or a malformed signature value: it does not verify
        }
    }

    private static String sign(String octets, PrivateKey key, String sigAlg) {
        try {
            Signature s = Signature.getInstance(JCA_SIGNATURES.get(sigAlg));
            s.initSign(key);
            s.update(octets.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the message with the configured key", e);
        }
    }

    static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
