package io.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.support.Http;
import io.gatehouse.support.IntegrationTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Slow clients (slowloris): a connection that stops sending in the middle of its headers is closed after the
 * connection timeout, and clients dribbling headers byte by byte do not hold request threads. Runs with a 2 s
 * timeout (production: 10 s) and only 4 request threads so that a held thread would show at once.
 */
@TestPropertySource(properties = {
        "server.tomcat.connection-timeout=2s",
        "server.tomcat.threads.max=4",
        "server.tomcat.threads.min-spare=1"})
class SlowClientIT extends IntegrationTest {

    private static final String PARTIAL = "GET /scim/v2/ServiceProviderConfig HTTP/1.1\r\nHost: x\r\nX-Slow: ";

    @Test
    void aClientThatStallsMidHeadersIsDisconnected() throws Exception {
        try (Socket socket = RawHttp.connect(port, null)) {
            OutputStream out = socket.getOutputStream();
            for (byte b : PARTIAL.getBytes(StandardCharsets.US_ASCII)) {
                out.write(b);
                out.flush();
                Thread.sleep(20);
            }
            socket.setSoTimeout(8000);
            long started = System.nanoTime();

            String answer = RawHttp.readAll(socket.getInputStream());
            double waited = (System.nanoTime() - started) / 1e9;

            assertThat(waited).as("closed by the server, not by our read timeout").isLessThan(7.5);
            assertThat(answer).doesNotContain("200");
        }
    }

    @Test
    void headersSentByteByByteWithGapsLongerThanTheTimeoutAreDropped() throws Exception {
        try (Socket socket = RawHttp.connect(port, null)) {
            OutputStream out = socket.getOutputStream();
            socket.setSoTimeout(8000);
            boolean dropped = false;
            for (byte b : PARTIAL.getBytes(StandardCharsets.US_ASCII)) {
                try {
                    out.write(b);
                    out.flush();
                } catch (java.io.IOException e) {
                    dropped = true;
                    break;
                }
                Thread.sleep(3000);
                if (socket.getInputStream().available() > 0 || closed(socket)) {
                    dropped = true;
                    break;
                }
            }
            assertThat(dropped).as("the server closed the dribbling connection").isTrue();
        }
    }

    @Test
    void manySlowClientsDoNotStarveRequestThreads() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                Socket s = RawHttp.connect(port, null);
                s.getOutputStream().write("GET /scim/v2/Users HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                slow.add(s);
            }
            // Keep them alive below the timeout, a byte at a time, while a normal client is served.
            for (int round = 0; round < 3; round++) {
                for (Socket s : slow) {
                    s.getOutputStream().write('X');
                    s.getOutputStream().flush();
                }
                long started = System.nanoTime();
                Http.Response r = http().get("/actuator/health", null);
                double seconds = (System.nanoTime() - started) / 1e9;
                assertThat(r.status()).isEqualTo(200);
                // A held thread would only be freed when its slow client times out (2 s, and they keep talking).
                assertThat(seconds).isLessThan(1.5);
                Thread.sleep(300);
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    /** True once the server has closed its side (read returns -1 within a short wait). */
    private static boolean closed(Socket socket) throws Exception {
        int previous = socket.getSoTimeout();
        socket.setSoTimeout(50);
        try {
            InputStream in = socket.getInputStream();
            return in.read() < 0;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (java.io.IOException e) {
            return true;
        } finally {
            socket.setSoTimeout(previous);
        }
    }
}
