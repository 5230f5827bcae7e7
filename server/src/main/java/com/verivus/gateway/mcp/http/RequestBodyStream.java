package com.verivus.gateway.mcp.http;

import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A POST body as the transport reads it. Helidon decodes chunked framing while the body is read and
 * reports a bad chunk size, a chunk extension ({@code 28;foo=bar}), a trailer or a body over the
 * server's payload limit as unchecked exceptions (a {@code NumberFormatException} among them); here
 * they become {@link IOException}s, so that they are answered as the client's error (400, or 413
 * for {@link TooLarge}) and never as 500. After such a failure Helidon has lost its place in the
 * framing: {@link #failed()} tells the transport to end the connection rather than read on.
 */
final class RequestBodyStream extends FilterInputStream {

    /** The body is longer than the server reads. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("request body over the payload limit");
        }
    }

    private boolean failed;

    RequestBodyStream(InputStream in) {
        super(in);
    }

    /** Whether reading failed on the framing (as opposed to a body that was read to its end or not read). */
    boolean failed() {
        return failed;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (CloseConnectionException e) {
            throw e; // the client is gone: Helidon closes the connection
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (CloseConnectionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    private IOException translate(RuntimeException e) {
        failed = true;
        if (e instanceof RequestException re && re.status().code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code()) {
            return new TooLarge();
        }
        return new IOException("malformed request body framing", e);
    }
}
