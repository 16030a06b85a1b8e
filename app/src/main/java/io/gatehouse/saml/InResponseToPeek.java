package io.gatehouse.saml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the InResponseTo attribute of a posted Response's root element before validation, only to pick
 * which pending request to hand the validator as the expected one. The value is untrusted: the validator
 * then requires the signed message to carry exactly that ID, and the request is used up only after
 * validation succeeded. A streaming read of the first element, with DTDs and external entities off, so
 * the peek costs nothing and can be steered nowhere; anything unusual yields null and the validator
 * reports the real problem.
 */
final class InResponseToPeek {

    private static final XMLInputFactory FACTORY = hardenedFactory();
    private static final int MAX_ID_LENGTH = 64;

    private InResponseToPeek() {}

    static String of(String samlResponse) {
        if (samlResponse == null || samlResponse.isBlank()) {
            return null;
        }
        String trimmed = samlResponse.trim();
        byte[] xml;
        try {
            xml = trimmed.startsWith("<") ? trimmed.getBytes(StandardCharsets.UTF_8)
                    : Base64.getMimeDecoder().decode(trimmed);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamReader.DTD) {
                    return null;
                }
                if (event == XMLStreamReader.START_ELEMENT) {
                    String id = reader.getAttributeValue(null, "InResponseTo");
                    return id == null || id.length() > MAX_ID_LENGTH ? null : id;
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            return null;
        } finally {
            close(reader);
        }
    }

    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return f;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing was allocated that outlives the byte array
            }
        }
    }
}
