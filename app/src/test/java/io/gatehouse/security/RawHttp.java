package io.gatehouse.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Plain sockets for what an HTTP client library will not do: dribbling bytes, choosing the source address, sending
 * bytes no client would (bad percent-encoding, odd methods, control characters, invalid UTF-8).
 */
final class RawHttp {

    private RawHttp() {}

    static Socket connect(int port, String fromAddress) throws IOException {
        Socket socket = new Socket();
        if (fromAddress != null) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return socket;
    }

    /** Sends one complete request and reads the response until the server closes (Connection: close). */
    static String exchange(int port, String fromAddress, String request) throws IOException {
        try (Socket socket = connect(port, fromAddress)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return readAll(socket.getInputStream());
        }
    }

    static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // whatever arrived so far
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static int status(String response) {
        if (!response.startsWith("HTTP/1.1 ")) {
            return -1;
        }
        return Integer.parseInt(response.substring(9, 12));
    }

    /**
     * Sends {@code request} as it is (it should say {@code Connection: close}) and reads the answer until the server
     * closes. A server that answers before reading everything (431, 413) may reset the connection under the writer:
     * what it answered is read anyway.
     */
    static Response send(int port, byte[] request) throws IOException {
        long started = System.nanoTime();
        try (Socket socket = connect(port, null)) {
            socket.setSoTimeout(10_000);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                socket.shutdownOutput();
            } catch (SocketException refusedEarly) {
                // read what the server said before it stopped reading
            }
            byte[] answer = readAllBytes(socket.getInputStream());
            return Response.parse(answer, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static byte[] readAllBytes(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
            }
        } catch (SocketTimeoutException | SocketException e) {
            // whatever arrived so far
        }
        return out.toByteArray();
    }

    /** A parsed answer: status (-1 when there was none), headers by lower-case name, the body de-chunked as text. */
    record Response(int status, Map<String, String> headers, String body, long millis, String raw) {

        static Response parse(byte[] bytes, long millis) {
            String raw = new String(bytes, StandardCharsets.ISO_8859_1);
            while (raw.startsWith("HTTP/1.1 1") && raw.indexOf("\r\n\r\n") > 0) { // an interim 100 Continue
                raw = raw.substring(raw.indexOf("\r\n\r\n") + 4);
            }
            int end = raw.indexOf("\r\n\r\n");
            if (!raw.startsWith("HTTP/1.1 ") || end < 0 || raw.length() < 12) {
                return new Response(-1, Map.of(), "", millis, raw);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            String[] lines = raw.substring(0, end).split("\r\n");
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
            String body = raw.substring(end + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(body);
            }
            byte[] bodyBytes = body.getBytes(StandardCharsets.ISO_8859_1);
            return new Response(Integer.parseInt(raw.substring(9, 12)), headers,
                    new String(bodyBytes, StandardCharsets.UTF_8), millis, raw);
        }

        private static String dechunk(String chunked) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (at < chunked.length()) {
                int lineEnd = chunked.indexOf("\r\n", at);
                if (lineEnd < 0) {
                    break;
                }
                String size = chunked.substring(at, lineEnd);
                int semicolon = size.indexOf(';');
                int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (length == 0) {
                    break;
                }
                int start = lineEnd + 2;
                out.append(chunked, start, Math.min(chunked.length(), start + length));
                at = start + length + 2;
            }
            return out.toString();
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String contentType() {
            String type = header("content-type");
            return type == null ? "" : type.toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return raw.length() > 1500 ? raw.substring(0, 1500) + "…" : raw;
        }
    }
}
