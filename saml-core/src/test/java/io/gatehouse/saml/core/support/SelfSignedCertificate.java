package io.gatehouse.saml.core.support;

import io.gatehouse.saml.core.Certificates;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Builds a self-signed X.509 v3 certificate with the JDK only: a tiny DER writer for the
 * TBSCertificate of RFC 5280 §4.1 (no extensions), signed with SHA256withRSA or SHA256withECDSA.
 */
public final class SelfSignedCertificate {

    private static final int SEQUENCE = 0x30;
    private static final int SET = 0x31;
    private static final String RSA_SHA256_OID = "1.2.840.113549.1.1.11";
    private static final String ECDSA_SHA256_OID = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME_OID = "2.5.4.3";

    private SelfSignedCertificate() {
    }

    public static X509Certificate create(KeyPair keys, String commonName, Instant notBefore, Instant notAfter) {
        boolean ec = "EC".equals(keys.getPrivate().getAlgorithm());
        byte[] algorithm = ec ? seq(oid(ECDSA_SHA256_OID)) : seq(oid(RSA_SHA256_OID), new byte[] {0x05, 0x00});
        byte[] name = seq(set(seq(oid(COMMON_NAME_OID), tlv(0x0C, commonName.getBytes(StandardCharsets.UTF_8)))));
        byte[] tbs = seq(
                tlv(0xA0, integer(BigInteger.TWO)),
                integer(new BigInteger(64, new SecureRandom()).setBit(62)),
                algorithm,
                name,
                seq(time(notBefore), time(notAfter)),
                name,
                keys.getPublic().getEncoded());
        try {
            Signature signer = Signature.getInstance(ec ? "SHA256withECDSA" : "SHA256withRSA");
            signer.initSign(keys.getPrivate());
            signer.update(tbs);
            byte[] sig = signer.sign();
            byte[] bitString = new byte[sig.length + 1];
            System.arraycopy(sig, 0, bitString, 1, sig.length);
            return Certificates.fromDer(seq(tbs, algorithm, tlv(0x03, bitString)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] time(Instant t) {
        var utc = t.atOffset(ZoneOffset.UTC);
        if (utc.getYear() < 2050) {
            return tlv(0x17, DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").format(utc).getBytes(StandardCharsets.US_ASCII));
        }
        return tlv(0x18, DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").format(utc).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] integer(BigInteger v) {
        return tlv(0x02, v.toByteArray());
    }

    private static byte[] oid(String dotted) {
        String[] parts = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
        for (int i = 2; i < parts.length; i++) {
            long v = Long.parseLong(parts[i]);
            int shift = 63 - Long.numberOfLeadingZeros(v | 1);
            for (int s = shift / 7 * 7; s > 0; s -= 7) {
                out.write((int) ((v >>> s) & 0x7F) | 0x80);
            }
            out.write((int) (v & 0x7F));
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] seq(byte[]... parts) {
        return tlv(SEQUENCE, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tlv(SET, concat(parts));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** DER tag-length-value with definite length (X.690 §8.1.3). */
    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = value.length;
        if (len < 0x80) {
            out.write(len);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(len) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(len >>> (8 * i));
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
