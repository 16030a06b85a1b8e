package io.gatehouse.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Plain sockets for what an HTTP client library will not do: dribbling bytes, choosing the source address. */
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
}
