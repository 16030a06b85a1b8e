package io.gatehouse.saml.core;

import java.security.Key;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.xml.security.Init;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.encryption.XMLEncryptionException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Decrypts a saml:EncryptedAssertion (SAML core §2.3.4, XML Encryption) with the SP private key:
 * RSA-OAEP key transport and AES-GCM or AES-CBC content encryption, as Entra's token encryption
 * produces. The plaintext is parsed as its own hardened document, so the Response DOM (and any
 * Response signature over the ciphertext) stays untouched.
 *
 * <p>Every failure reports the same DECRYPTION_FAILED with a fixed message: distinguishing bad
 * padding from bad key would hand attackers a CBC padding or OAEP oracle.
 */
final class AssertionDecryptor {

    static {
        Init.init();
    }

    private static final Set<String> CONTENT = Set.of(SamlNames.AES128_GCM, SamlNames.AES192_GCM,
            SamlNames.AES256_GCM, SamlNames.AES128_CBC, SamlNames.AES192_CBC, SamlNames.AES256_CBC);
    private static final Set<String> KEY_TRANSPORT = Set.of(SamlNames.RSA_OAEP_MGF1P, SamlNames.RSA_OAEP_11);
    private static final String FAILED = "the assertion could not be decrypted with the SP key configured "
            + "for this connection; check the encryption certificate uploaded to the IdP";

    private AssertionDecryptor() {
    }

    /** Returns the decrypted Assertion as the root of a new document; each key is tried in turn. */
    static Document decrypt(Element encryptedAssertion, List<PrivateKey> spKeys) throws Rejection {
        if (spKeys.isEmpty()) {
            throw Rejection.of(FailureCode.DECRYPTION_FAILED, "the IdP encrypts assertions but no SP decryption "
                    + "key is configured for this connection");
        }
        List<Element> data = Dom.children(encryptedAssertion, SamlNames.XENC, "EncryptedData");
        if (data.size() != 1) {
            throw Rejection.of(FailureCode.SCHEMA_VIOLATION, "1 EncryptedData", String.valueOf(data.size()),
                    "EncryptedAssertion must hold exactly one EncryptedData");
        }
        Element encryptedData = data.get(0);
        String contentAlg = algorithm(encryptedData);
        requireAllowed(contentAlg, CONTENT, "content encryption");
        byte[] plaintext = decryptContent(encryptedData, contentAlg, encryptedKeys(encryptedAssertion, encryptedData),
                spKeys);
        return parsePlaintext(plaintext);
    }

    /** EncryptedKey inside EncryptedData/KeyInfo (Entra, ADFS) or beside it (OpenSAML's default). */
    private static List<Element> encryptedKeys(Element encryptedAssertion, Element encryptedData) throws Rejection {
        List<Element> keys = new ArrayList<>();
        Element keyInfo = Dom.child(encryptedData, SamlNames.DSIG, "KeyInfo");
        if (keyInfo != null) {
            keys.addAll(Dom.children(keyInfo, SamlNames.XENC, "EncryptedKey"));
        }
        keys.addAll(Dom.children(encryptedAssertion, SamlNames.XENC, "EncryptedKey"));
        if (keys.isEmpty()) {
            throw Rejection.of(FailureCode.DECRYPTION_FAILED, "the EncryptedAssertion carries no EncryptedKey");
        }
        for (Element k : keys) {
            requireAllowed(algorithm(k), KEY_TRANSPORT, "key transport");
        }
        return keys;
    }

    private static byte[] decryptContent(Element encryptedData, String contentAlg, List<Element> keys,
            List<PrivateKey> spKeys) throws Rejection {
        for (PrivateKey spKey : spKeys) {
            byte[] plaintext = decryptContent(encryptedData, contentAlg, keys, spKey);
            if (plaintext != null) {
                return plaintext;
            }
        }
        throw Rejection.of(FailureCode.DECRYPTION_FAILED, FAILED);
    }

    /** The plaintext, or null when no EncryptedKey opens with this key. */
    private static byte[] decryptContent(Element encryptedData, String contentAlg, List<Element> keys,
            PrivateKey spKey) {
        Document doc = encryptedData.getOwnerDocument();
        for (Element keyElement : keys) {
            try {
                XMLCipher unwrap = XMLCipher.getInstance();
                unwrap.setSecureValidation(true);
                unwrap.init(XMLCipher.UNWRAP_MODE, spKey);
                EncryptedKey encryptedKey = unwrap.loadEncryptedKey(doc, keyElement);
                Key contentKey = unwrap.decryptKey(encryptedKey, contentAlg);
                XMLCipher cipher = XMLCipher.getInstance();
                cipher.setSecureValidation(true);
                cipher.init(XMLCipher.DECRYPT_MODE, contentKey);
                return cipher.decryptToByteArray(encryptedData);
            } catch (XMLEncryptionException | RuntimeException e) {
                // Try the next EncryptedKey (several recipients), then the next key; report uniformly.
            }
        }
        return null;
    }

    private static Document parsePlaintext(byte[] plaintext) throws Rejection {
        if (plaintext.length > ResponseInput.MAX_XML_BYTES) {
            throw Rejection.of(FailureCode.INPUT_TOO_LARGE, "decrypted assertion exceeds the size limit");
        }
        Document doc;
        try {
            doc = SecureXml.parse(plaintext);
        } catch (SecureXml.ParseException e) {
            throw Rejection.of(e.doctype() ? FailureCode.DTD_FORBIDDEN : FailureCode.MALFORMED_XML,
                    "decrypted assertion: " + e.getMessage());
        }
        if (!Dom.is(doc.getDocumentElement(), SamlNames.ASSERTION, "Assertion")) {
            throw Rejection.of(FailureCode.SCHEMA_VIOLATION, "saml:Assertion", doc.getDocumentElement().getTagName(),
                    "the EncryptedAssertion does not contain an Assertion");
        }
        return doc;
    }

    private static void requireAllowed(String alg, Set<String> allowed, String what) throws Rejection {
        if (!allowed.contains(alg)) {
            throw Rejection.of(FailureCode.ALGORITHM_NOT_ALLOWED, String.join(" or ", allowed.stream().sorted().toList()),
                    alg, what + " algorithm is not allowed (RSA-OAEP with AES-GCM or AES-CBC only)");
        }
    }

    private static String algorithm(Element encrypted) {
        Element method = Dom.child(encrypted, SamlNames.XENC, "EncryptionMethod");
        return method == null ? null : Dom.attr(method, "Algorithm");
    }
}
