package com.verivus.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.http.RawConnection.After;
import com.verivus.gateway.http.RawConnection.Response;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP/1.1 framing on the wire, over plain sockets against the real gateway on loopback: every
 * request gets exactly one response, a rejected request's body is never read as a request, and
 * {@code Connection: close} closes. The smuggled request in each body, {@code GET /smuggled}, would
 * be answered 404 if the server ever parsed it. Subclasses start one gateway per class with bearer
 * token {@link #TOKEN} and a body limit of {@link #LIMIT} bytes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractHttpFramingSuite {

    static final String TOKEN = AbstractHttpGatewaySuite.TOKEN;
    static final int LIMIT = 4096;
    static final String SMUGGLED = "GET /smuggled HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    static final String INIT = AbstractHttpGatewaySuite.INIT;
    static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    static final ObjectMapper JSON = new ObjectMapper();

    URI url;
    String host;

    /** Starts the gateway and returns its MCP URL. */
    abstract URI startGateway() throws Exception;

    abstract void stopGateway() throws Exception;

    @BeforeAll
    void start() throws Exception {
        url = startGateway();
        host = "127.0.0.1:" + url.getPort();
    }

    @AfterAll
    void stop() throws Exception {
        stopGateway();
    }

    /** A request the gateway rejects, with the status it must get; {@code body} is what it carries. */
    record Rejection(int status, String method, String path, String headers, String body) {
        @Override
        public String toString() {
            return status + " " + method + " " + path;
        }
    }

    List<Rejection> rejections() {
        String auth = "Authorization: Bearer " + TOKEN + "\r\n";
        String json = "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n";
        String overLimit = " ".repeat(LIMIT + 500) + SMUGGLED;
        return List.of(
                new Rejection(401, "POST", "/mcp", json, SMUGGLED),
                new Rejection(403, "POST", "/mcp", json + auth + "Origin: http://evil.example\r\n", SMUGGLED),
                new Rejection(404, "POST", "/nope", json + auth, SMUGGLED),
                new Rejection(405, "PUT", "/mcp", json + auth, SMUGGLED),
                new Rejection(406, "POST", "/mcp",
                        "Content-Type: application/json\r\nAccept: text/html\r\n" + auth, INIT),
                new Rejection(413, "POST", "/mcp", json + auth, overLimit),
                new Rejection(415, "POST", "/mcp", "Content-Type: text/plain\r\n" + auth, SMUGGLED),
                new Rejection(421, "POST", "/mcp", json + auth, SMUGGLED),
                new Rejection(400, "POST", "/mcp", json + auth, SMUGGLED));
    }

    Stream<Arguments> everyRejectionInEveryFraming() {
        List<Arguments> all = new ArrayList<>();
        for (Rejection r : rejections()) {
            for (boolean chunked : new boolean[] {false, true}) {
                for (boolean close : new boolean[] {false, true}) {
                    all.add(Arguments.of(r, chunked ? "chunked" : "content-length", close ? "close" : "keep-alive"));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, {1}, {2}")
    @MethodSource("everyRejectionInEveryFraming")
    void aRejectedRequestGetsOneResponseAndItsBodyIsNeverParsedAsARequest(Rejection r, String framing,
                                                                          String connection) throws IOException {
        boolean chunked = framing.equals("chunked");
        boolean close = connection.equals("close");
        String hostHeader = r.status() == 421 ? "evil.example" : host;
        StringBuilder request = new StringBuilder()
                .append(r.method()).append(' ').append(r.path()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n")
                .append(r.headers());
        if (close) {
            request.append("Connection: close\r\n");
        }
        if (chunked) {
            request.append("Transfer-Encoding: chunked\r\n\r\n").append(RawConnection.chunked(r.body(), 1000));
        } else {
            request.append("Content-Length: ").append(r.body().length()).append("\r\n\r\n").append(r.body());
        }
        try (RawConnection c = new RawConnection(url)) {
            c.write(request.toString());
            Response response = c.read();
            assertThat(response.status()).isEqualTo(r.status());
            assertThat(response.header("Content-Type")).startsWith("application/json");
            JSON.readTree(response.body()); // one complete JSON body, nothing appended
            if (close || r.status() == 413) {
                // 413: the rest of an over-long body is not worth reading; the gateway says so and closes.
                assertThat(response.header("Connection")).isEqualTo("close");
                assertThat(c.after(CLOSE_WAIT)).isEqualTo(After.CLOSED);
            } else {
                // Kept alive: the next response must answer the next request, not the smuggled one.
                c.write("GET /healthz HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
                Response next = c.read();
                assertThat(next.status()).isEqualTo(200);
                assertThat(next.body()).isEqualTo("{\"ok\":true}");
            }
        }
    }

    @Test
    void connectionCloseClosesAfterASuccessfulResponseToo() throws IOException {
        try (RawConnection c = new RawConnection(url)) {
            c.write("GET /healthz HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(200);
            assertThat(c.after(CLOSE_WAIT)).isEqualTo(After.CLOSED);
        }
        try (RawConnection c = new RawConnection(url)) {
            c.write(post("/mcp", "Connection: close\r\n", INIT));
            Response init = c.read();
            assertThat(init.status()).isEqualTo(200);
            assertThat(init.header("Mcp-Session-Id")).isNotBlank();
            assertThat(c.after(CLOSE_WAIT)).isEqualTo(After.CLOSED);
        }
    }

    @Test
    void aServerSentEventsResponseEndsAndClosesWhenTheRequestSaidClose() throws IOException {
        String session;
        try (RawConnection c = new RawConnection(url)) {
            c.write(post("/mcp", "", INIT));
            session = c.read().header("Mcp-Session-Id");
        }
        try (RawConnection c = new RawConnection(url)) {
            c.write(post("/mcp", "Mcp-Session-Id: " + session + "\r\nConnection: close\r\n",
                    "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}"));
            Response ping = c.read();
            assertThat(ping.status()).isEqualTo(200);
            assertThat(ping.header("Content-Type")).isEqualTo("text/event-stream");
            assertThat(ping.body()).contains("\"id\":9");
            assertThat(c.after(CLOSE_WAIT)).isEqualTo(After.CLOSED);
        }
    }

    @Test
    void aRejectionBeforeA100ContinueClosesSinceTheClientMayStillSendTheBody() throws IOException {
        try (RawConnection c = new RawConnection(url)) {
            c.write("POST /mcp HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Expect: 100-continue\r\nContent-Length: " + SMUGGLED.length() + "\r\n\r\n");
            Response response = c.read();
            assertThat(response.status()).isEqualTo(401);
            assertThat(c.after(CLOSE_WAIT)).isEqualTo(After.CLOSED);
        }
    }

    @Test
    void aDeclaredBodyFarOverTheLimitIsRefusedBeforeRoutingAndTheConnectionCloses() throws IOException {
        try (RawConnection c = new RawConnection(url)) {
            c.write("POST /mcp HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (LIMIT * 10) + "\r\n\r\n" + SMUGGLED);
            Response response = c.read();
            assertThat(response.status()).isEqualTo(413);
            assertThat(JSON.readTree(response.body()).path("error").asText()).isNotEmpty();
            // The unread body makes the kernel answer with a reset rather than a FIN; either way it is closed.
            assertThat(c.after(CLOSE_WAIT)).isNotEqualTo(After.OPEN);
        }
    }

    @Test
    void aChunkDeclaredOverThePayloadLimitGets413AndACloseWithoutItsDataBeingRead() throws IOException {
        for (String connection : new String[] {"", "Connection: close\r\n"}) {
            try (RawConnection c = new RawConnection(url)) {
                c.write("POST /mcp HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + TOKEN + "\r\n"
                        + "Content-Type: application/json\r\n" + connection
                        + "Transfer-Encoding: chunked\r\n\r\n7fffffff\r\n" + INIT);
                Response response = c.read();
                assertThat(response.status()).isEqualTo(413);
                assertThat(response.header("Connection")).isEqualTo("close");
                assertThat(c.after(CLOSE_WAIT)).isEqualTo(After.CLOSED);
            }
        }
    }

    Stream<Arguments> malformedChunkedBodies() {
        return Stream.of(
                Arguments.of("a size that is not hex", "zz\r\n" + INIT + "\r\n0\r\n\r\n"),
                Arguments.of("a negative size", "-5\r\nhello\r\n0\r\n\r\n"),
                Arguments.of("a size beyond 64 bits", "fffffffffffffffffff\r\nhello\r\n0\r\n\r\n"),
                Arguments.of("a size beyond 31 bits", "80000000\r\nhello\r\n0\r\n\r\n"),
                Arguments.of("a chunk extension", Integer.toHexString(INIT.length()) + ";foo=bar\r\n" + INIT
                        + "\r\n0\r\n\r\n"),
                Arguments.of("a trailer", Integer.toHexString(INIT.length()) + "\r\n" + INIT
                        + "\r\n0\r\nX-Trailer: 1\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedChunkedBodies")
    void aChunkedBodyHelidonCannotDecodeGets400NeverA500AndTheConnectionCloses(String what, String body)
            throws IOException {
        for (String connection : new String[] {"", "Connection: close\r\n"}) {
            try (RawConnection c = new RawConnection(url)) {
                c.write("POST /mcp HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + TOKEN + "\r\n"
                        + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                        + connection + "Transfer-Encoding: chunked\r\n\r\n" + body);
                Response response = c.read();
                assertThat(response.status()).as(what).isEqualTo(400);
                JsonNode error = JSON.readTree(response.body());
                assertThat(error.at("/error/message").asText()).as(what).doesNotContain("Exception");
                assertThat(c.after(CLOSE_WAIT)).as(what + ": " + response).isEqualTo(After.CLOSED);
            }
        }
    }

    @Test
    void aMalformedChunkedBodyOfARejectedRequestClosesAfterTheOneResponse() throws IOException {
        try (RawConnection c = new RawConnection(url)) {
            c.write("POST /mcp HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n28;foo=bar\r\n" + SMUGGLED + "\r\n0\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(401);
            assertThat(c.after(CLOSE_WAIT)).isEqualTo(After.CLOSED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example/mcp", "http://127.0.0.1/mcp", "*"})
    void aRequestTargetThatIsNotAPathGets400AndACloseEvenWithALoopbackHost(String target) throws IOException {
        try (RawConnection c = new RawConnection(url)) {
            c.write("POST " + target + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + TOKEN + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + INIT.length() + "\r\n\r\n" + INIT);
            Response response = c.read();
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("Mcp-Session-Id")).isNull();
            assertThat(c.after(CLOSE_WAIT)).isEqualTo(After.CLOSED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Origin: http://localhost\r\nOrigin: http://evil.example\r\n",
        "Authorization: Bearer " + TOKEN + "\r\nAuthorization: Bearer someone-else\r\n",
        "Authorization: Bearer someone-else\r\nAuthorization: Bearer " + TOKEN + "\r\n",
        "Host: localhost\r\n",
    })
    void aRepeatedHostOriginOrAuthorizationHeaderIsAmbiguousAndGets400(String headers) throws IOException {
        try (RawConnection c = new RawConnection(url)) {
            String auth = headers.contains("Authorization") ? "" : "Authorization: Bearer " + TOKEN + "\r\n";
            c.write("POST /mcp HTTP/1.1\r\nHost: " + host + "\r\n" + auth + headers
                    + "Content-Type: application/json\r\nContent-Length: " + INIT.length() + "\r\n\r\n" + INIT);
            Response response = c.read();
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("Mcp-Session-Id")).isNull();
            assertThat(c.after(CLOSE_WAIT)).isEqualTo(After.CLOSED);
        }
    }

    @Test
    void headGetsTheHeadersOfGetAndNoBody() throws IOException {
        try (RawConnection c = new RawConnection(url)) {
            c.write("HEAD /healthz HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            Response health = c.read(true);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.header("Content-Type")).isEqualTo("application/json");
            assertThat(health.header("Content-Length")).isEqualTo(String.valueOf("{\"ok\":true}".length()));
            assertThat(c.after(CLOSE_WAIT)).isEqualTo(After.CLOSED); // fails on any body byte
        }
        try (RawConnection c = new RawConnection(url)) {
            c.write("HEAD /process-health HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nConnection: close\r\n\r\n");
            Response health = c.read(true);
            assertThat(health.status()).isEqualTo(200);
            assertThat(Integer.parseInt(health.header("Content-Length"))).isPositive();
            assertThat(c.after(CLOSE_WAIT)).isEqualTo(After.CLOSED);
        }
    }

    @Test
    void headOnTheMcpPathGets405WithAllowAndNoBody() throws IOException {
        try (RawConnection c = new RawConnection(url)) {
            c.write("HEAD /mcp HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + TOKEN + "\r\n\r\n");
            Response response = c.read(true);
            assertThat(response.status()).isEqualTo(405);
            assertThat(response.header("Allow")).isEqualTo("GET, POST, DELETE");
            // Kept alive, and the next response is the next request's: no body was left on the wire.
            c.write("GET /healthz HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
            Response next = c.read();
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.body()).isEqualTo("{\"ok\":true}");
        }
        try (RawConnection c = new RawConnection(url)) {
            c.write("HEAD /mcp HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
            assertThat(c.read(true).status()).isEqualTo(401);
            c.write("GET /healthz HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(200);
        }
    }

    private String post(String path, String extraHeaders, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + TOKEN + "\r\n"
                + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n" + extraHeaders
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }
}
