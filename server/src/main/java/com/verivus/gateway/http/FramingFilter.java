package com.verivus.gateway.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.List;
import java.util.Optional;

/**
 * Keeps every HTTP/1.1 connection in step with its client: one request, one response, and nothing
 * read as a request that was not sent as one.
 * <ul>
 *   <li>Ambiguous requests get 400 and a closed connection: a request target that is not a path
 *       (absolute form {@code POST http://other.example/mcp}, which Helidon would route by its path
 *       alone), or more than one {@code Host}, {@code Origin} or {@code Authorization} header (a proxy
 *       may act on another copy than we check).</li>
 *   <li>After the response, the connection is closed when the request or the response says
 *       {@code Connection: close}, and when the client sent {@code Expect: 100-continue} but was
 *       answered without a {@code 100 Continue} (it may still send the body, or not). Helidon 4.5.0
 *       writes {@code Connection: close} but then skips the unread body and reads on, so a rejected
 *       request's body was parsed as the next request and the socket stayed open (helidon-io/helidon
 *       #12324, fixed after 4.5.0). Before closing, the rest of the body is read and discarded, up to
 *       the server's payload limit, so the close is a clean FIN rather than a reset that could cost the
 *       client its response.</li>
 * </ul>
 * On a kept-alive connection Helidon itself discards an unread body (bounded by the same payload
 * limit) and closes when it cannot.
 */
final class FramingFilter implements Filter {

    private static final List<HeaderName> SINGLE_HEADERS =
            List.of(HeaderNames.HOST, HeaderNames.ORIGIN, HeaderNames.AUTHORIZATION);

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Optional<String> ambiguity = ambiguity(req);
        if (ambiguity.isPresent()) {
            res.header(HeaderValues.CONNECTION_CLOSE);
            JsonReply.error(req, res, 400, ambiguity.get());
        } else {
            chain.proceed();
        }
        if (mustClose(req, res)) {
            if (req.continueSent()) {
                discardBody(req);
            }
            throw new CloseConnectionException("connection closes after this response");
        }
    }

    private static Optional<String> ambiguity(RoutingRequest req) {
        String target = req.prologue().uriPath().rawPath();
        if (!target.startsWith("/")) {
            return Optional.of("Bad Request: the request target must be a path");
        }
        for (HeaderName name : SINGLE_HEADERS) {
            if (req.headers().all(name, List::of).size() > 1) {
                return Optional.of("Bad Request: more than one " + name.defaultCase() + " header");
            }
        }
        return Optional.empty();
    }

    private static boolean mustClose(RoutingRequest req, RoutingResponse res) {
        ServerRequestHeaders headers = req.headers();
        return headers.containsToken(HeaderValues.CONNECTION_CLOSE)
                || res.headers().containsToken(HeaderValues.CONNECTION_CLOSE)
                || (headers.containsToken(HeaderValues.EXPECT_100) && !req.continueSent() && hasBody(headers));
    }

    private static boolean hasBody(ServerRequestHeaders headers) {
        if (headers.contains(HeaderNames.TRANSFER_ENCODING)) {
            return true;
        }
        try {
            return headers.contentLength().orElse(0) > 0;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static void discardBody(RoutingRequest req) {
        try {
            req.content().consume();
        } catch (RuntimeException e) {
            // Too large or malformed: the connection closes anyway, the client already has its answer.
        }
    }
}
