package io.gatehouse.saml;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The few ASN.1 DER encodings (ITU-T X.690) a self-signed certificate needs. The JDK can sign but has no
 * public API to build a certificate, and BouncyCastle is not among our dependencies.
 */
final class Der {

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

    private Der() {}

    static byte[] sequence(byte[]... members) {
        return element(0x30, join(members));
    }

    static byte[] set(byte[]... members) {
        return element(0x31, join(members));
    }

    static byte[] integer(BigInteger value) {
        return element(0x02, value.toByteArray());
    }

    static byte[] nullValue() {
        return new byte[] {0x05, 0x00};
    }

    static byte[] utf8String(String value) {
        return element(0x0C, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A BIT STRING of whole bytes (no unused bits), as signatures are carried. */
    static byte[] bitString(byte[] bytes) {
        byte[] content = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, content, 1, bytes.length);
        return element(0x03, content);
    }

    /** Context-specific, constructed, explicit tag [n]. */
    static byte[] explicit(int tagNumber, byte[] inner) {
        return element(0xA0 | tagNumber, inner);
    }

    /** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
    static byte[] time(Instant instant) {
        var utc = instant.atOffset(ZoneOffset.UTC);
        return utc.getYear() < 2050
                ? element(0x17, UTC_TIME.format(utc).getBytes(StandardCharsets.US_ASCII))
                : element(0x18, GENERALIZED_TIME.format(utc).getBytes(StandardCharsets.US_ASCII));
    }

    /** X.690 §8.19: first two arcs combined, every arc in base 128 with continuation bits. */
    static byte[] objectIdentifier(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        base128(content, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            base128(content, Long.parseLong(arcs[i]));
        }
        return element(0x06, content.toByteArray());
    }

    private static void base128(ByteArrayOutputStream out, long arc) {
        int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
        for (int g = groups - 1; g >= 0; g--) {
            int septet = (int) ((arc >>> (7 * g)) & 0x7F);
            out.write(g == 0 ? septet : septet | 0x80);
        }
    }

    /** Tag, definite length (short form below 128, else long form), content. */
    private static byte[] element(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int octets = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | octets);
            for (int shift = (octets - 1) * 8; shift >= 0; shift -= 8) {
                out.write((length >>> shift) & 0xFF);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] join(byte[][] parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
