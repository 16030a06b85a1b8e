package io.gatehouse.saml.core;

import java.util.Arrays;
import java.util.Base64;

/**
 * Turns what arrived at the ACS into XML bytes: either the XML itself or the base64 form value of
 * the HTTP-POST binding (SAML bindings §3.5.4), with line breaks tolerated. Size is capped before
 * any decoding or parsing work is done.
 */
final class ResponseInput {

    /** Largest decoded Response accepted; Entra responses with 150 group claims stay under 40 KiB. */
    static final int MAX_XML_BYTES = 256 * 1024;
    /** base64 grows 4/3 and may be wrapped at 64 or 76 columns. */
    static final int MAX_ENCODED_BYTES = MAX_XML_BYTES / 3 * 4 + MAX_XML_BYTES / 32;

    private ResponseInput() {
    }

    static byte[] toXml(byte[] input) throws Rejection {
        if (input == null || input.length == 0) {
            throw Rejection.of(FailureCode.MALFORMED_XML, "empty SAMLResponse");
        }
        if (input.length > MAX_ENCODED_BYTES) {
            throw tooLarge(input.length);
        }
        int first = firstSignificantByte(input);
        if (first < 0) {
            throw Rejection.of(FailureCode.MALFORMED_XML, "SAMLResponse contains only whitespace");
        }
        if (input[first] == '<') {
            if (input.length > MAX_XML_BYTES) {
                throw tooLarge(input.length);
            }
            return input;
        }
        return decodeBase64(input);
    }

    private static byte[] decodeBase64(byte[] input) throws Rejection {
        byte[] compact = new byte[input.length];
        int n = 0;
        for (byte b : input) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                compact[n++] = b;
            }
        }
        byte[] xml;
        try {
            xml = Base64.getDecoder().decode(Arrays.copyOf(compact, n));
        } catch (IllegalArgumentException e) {
            throw Rejection.of(FailureCode.MALFORMED_XML,
                    "SAMLResponse is neither XML nor base64 (SAML bindings §3.5.4)");
        }
        if (xml.length > MAX_XML_BYTES) {
            throw tooLarge(xml.length);
        }
        return xml;
    }

    /** Index of the first byte that is not whitespace or a UTF-8 byte-order mark, or -1. */
    private static int firstSignificantByte(byte[] input) {
        int i = 0;
        if (input.length >= 3 && (input[0] & 0xFF) == 0xEF && (input[1] & 0xFF) == 0xBB && (input[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        for (; i < input.length; i++) {
            byte b = input[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return i;
            }
        }
        return -1;
    }

    private static Rejection tooLarge(int size) {
        return Rejection.of(FailureCode.INPUT_TOO_LARGE, "at most " + MAX_XML_BYTES + " bytes of XML",
                size + " bytes", "SAMLResponse exceeds the size limit");
    }
}
