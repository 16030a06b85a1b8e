package io.gatehouse.saml.core.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.xml.security.Init;
import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Test-side signing and encryption with xmlsec, the way an IdP would produce a Response. */
public final class XmlSigning {

    public static final String ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String RSA_SHA256 = XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256;
    public static final String RSA_SHA1 = XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA1;
    public static final String ECDSA_SHA256 = XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA256;
    public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";

    static {
        Init.init();
    }

    private XmlSigning() {
    }

    public static Document parse(String xml) {
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    public static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] serialize(Node node) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty("omit-xml-declaration", "yes");
            t.transform(new DOMSource(node), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Element assertion(Document doc) {
        return (Element) doc.getElementsByTagNameNS(ASSERTION_NS, "Assertion").item(0);
    }

    /** Enveloped signature over '#'+ID, exc-c14n, placed right after the element's Issuer. */
    public static void sign(Element target, TestKeys keys, String signatureAlg, String digestAlg, boolean withKeyInfo) {
        sign(target, keys.privateKey(), withKeyInfo ? keys.certificate() : null, signatureAlg, digestAlg);
    }

    public static void sign(Element target, PrivateKey key, X509Certificate keyInfoCert, String signatureAlg,
            String digestAlg) {
        try {
            Document doc = target.getOwnerDocument();
            target.setIdAttributeNS(null, "ID", true);
            XMLSignature sig = new XMLSignature(doc, "", signatureAlg, Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            Node issuer = target.getElementsByTagNameNS(ASSERTION_NS, "Issuer").item(0);
            Node before = issuer != null && issuer.getParentNode() == target ? issuer.getNextSibling() : target.getFirstChild();
            target.insertBefore(sig.getElement(), before);
            Transforms transforms = new Transforms(doc);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            sig.addDocument("#" + target.getAttribute("ID"), transforms, digestAlg);
            if (keyInfoCert != null) {
                sig.addKeyInfo(keyInfoCert);
            }
            sig.sign(key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Replaces the assertion with saml:EncryptedAssertion: content encrypted with a fresh AES key
     * (contentAlg), that key wrapped for the SP with keyTransportAlg, EncryptedKey inside KeyInfo
     * as Entra does.
     */
    public static void encrypt(Element assertion, X509Certificate spCert, String contentAlg, String keyTransportAlg) {
        try {
            Document doc = assertion.getOwnerDocument();
            KeyGenerator gen = KeyGenerator.getInstance("AES");
            gen.init(contentAlg.contains("128") ? 128 : 256);
            SecretKey cek = gen.generateKey();
            XMLCipher wrap = XMLCipher.getInstance(keyTransportAlg);
            wrap.init(XMLCipher.WRAP_MODE, spCert.getPublicKey());
            EncryptedKey encryptedKey = wrap.encryptKey(doc, cek);
            XMLCipher cipher = XMLCipher.getInstance(contentAlg);
            cipher.init(XMLCipher.ENCRYPT_MODE, cek);
            EncryptedData data = cipher.getEncryptedData();
            KeyInfo keyInfo = new KeyInfo(doc);
            keyInfo.add(encryptedKey);
            data.setKeyInfo(keyInfo);
            Element parent = (Element) assertion.getParentNode();
            Element wrapper = doc.createElementNS(ASSERTION_NS, "saml:EncryptedAssertion");
            // xmlsec's c14n renders namespaces from xmlns attributes, so declare it in the DOM.
            wrapper.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml", ASSERTION_NS);
            parent.insertBefore(wrapper, assertion);
            wrapper.appendChild(assertion);
            cipher.doFinal(doc, assertion, false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
