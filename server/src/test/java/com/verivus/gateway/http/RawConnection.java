package com.verivus.gateway.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ArrayList;

/**
 * One HTTP/1.1 connection on a plain socket, for tests of the bytes on the wire: the test writes
 * exactly what it wants (framing errors included) and reads responses one at a time, parsing their
 * framing itself, so that a second response or a connection left open cannot hide behind a client
 * library.
 */
final class RawConnection implements AutoCloseable {

    /** One response as framed on the wire; header names lower-case, a repeated header's values joined. */
    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** What the server did after a response: closed the connection (FIN), reset it, or kept it open. */
    enum After { CLOSED, RESET, OPEN }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawConnection(URI server) throws IOException {
        socket = new Socket(server.getHost(), server.getPort());
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    RawConnection write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /** Reads exactly one response: head, then a Content-Length or chunked body (none after HEAD when told). */
    Response read(boolean headRequest) throws IOException {
        String head = readHead();
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
        }
        String body;
        if (headRequest || status == 204 || status == 304) {
            body = "";
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = readChunked();
        } else {
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            body = new String(readExactly(length), StandardCharsets.UTF_8);
        }
        return new Response(status, headers, body);
    }

    Response read() throws IOException {
        return read(false);
    }

    /**
     * Waits up to {@code wait} for what follows a response: end of stream, a reset, or (nothing
     * arriving, or more bytes) an open connection. Bytes that arrive are a second response the test
     * did not ask for, so they fail the test right here.
     */
    After after(Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        try {
            int b = in.read();
            if (b < 0) {
                return After.CLOSED;
            }
            byte[] more = in.readNBytes(Math.min(in.available(), 4096));
            throw new AssertionError("unexpected bytes after the response: "
                    + (char) b + new String(more, StandardCharsets.ISO_8859_1));
        } catch (SocketTimeoutException e) {
            return After.OPEN;
        } catch (SocketException e) {
            return After.RESET;
        } finally {
            socket.setSoTimeout(10_000);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** A chunked encoding of {@code body} in chunks of at most {@code size} bytes. */
    static String chunked(String body, int size) {
        StringBuilder sb = new StringBuilder();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < body.length(); i += size) {
            parts.add(body.substring(i, Math.min(body.length(), i + size)));
        }
        for (String part : parts) {
            sb.append(Integer.toHexString(part.length())).append("\r\n").append(part).append("\r\n");
        }
        return sb.append("0\r\n\r\n").toString();
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int state = 0; // how much of CR LF CR LF has been seen
        while (state < 4) {
            int c = in.read();
            if (c < 0) {
                throw new AssertionError("connection ended before a response head; got: "
                        + bytes.toString(StandardCharsets.ISO_8859_1));
            }
            bytes.write(c);
            boolean expected = c == ((state % 2 == 0) ? '\r' : '\n');
            state = expected ? state + 1 : (c == '\r' ? 1 : 0);
        }
        return bytes.toString(StandardCharsets.ISO_8859_1).trim();
    }

    private String readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailers
                }
                return body.toString(StandardCharsets.UTF_8);
            }
            body.write(readExactly(size));
            readLine();
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private byte[] readExactly(int length) throws IOException {
        byte[] data = in.readNBytes(length);
        if (data.length < length) {
            throw new AssertionError("body ended after " + data.length + " of " + length + " bytes");
        }
        return data;
    }
}
