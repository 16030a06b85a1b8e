package io.gatehouse.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One request as bytes on the wire, built without any client library's checks: any method, any request target, any
 * header bytes (the head is ISO-8859-1, so every char below 256 is one byte), any body. Content-Length is added
 * from the body unless the request sets its own framing headers.
 */
final class HostileRequest {

    private final String method;
    private final String target;
    private final List<String[]> headers = new ArrayList<>();
    private byte[] body;
    private boolean ownFraming;

    private HostileRequest(String method, String target) {
        this.method = method;
        this.target = target;
    }

    static HostileRequest of(String method, String target) {
        return new HostileRequest(method, target);
    }

    HostileRequest header(String name, String value) {
        headers.add(new String[] {name, value});
        if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")) {
            ownFraming = true;
        }
        return this;
    }

    HostileRequest bearer(String token) {
        return token == null ? this : header("Authorization", "Bearer " + token);
    }

    HostileRequest body(String contentType, byte[] bytes) {
        if (contentType != null) {
            header("Content-Type", contentType);
        }
        this.body = bytes;
        return this;
    }

    HostileRequest body(String contentType, String text) {
        return body(contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    String method() {
        return method;
    }

    String target() {
        return target;
    }

    byte[] bytes() {
        StringBuilder head = new StringBuilder(method).append(' ').append(target)
                .append(" HTTP/1.1\r\nHost: localhost\r\n");
        for (String[] h : headers) {
            head.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        if (body != null && !ownFraming) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** The request as text a failure message can show: non-printable bytes escaped, long runs cut. */
    @Override
    public String toString() {
        byte[] bytes = bytes();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < bytes.length && s.length() < 700; i++) {
            int b = bytes[i] & 0xff;
            if (b == '\r') {
                s.append("\\r");
            } else if (b == '\n') {
                s.append("\\n");
            } else if (b < 0x20 || b >= 0x7f) {
                s.append(String.format("\\x%02x", b));
            } else {
                s.append((char) b);
            }
        }
        return bytes.length > 700 ? s + "…(" + bytes.length + " bytes)" : s.toString();
    }
}
