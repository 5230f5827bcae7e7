package com.verivus.gateway.console;

import com.verivus.gateway.access.BearerAuth;
import com.verivus.gateway.access.HostOriginGuard;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The gate in front of the console's page and {@code /api/}: Host/Origin as for MCP, then either the
 * bearer token (API clients; no CSRF check, a header is not an ambient credential) or the console
 * cookie. A cookie-authenticated request that changes state must also carry an {@code Origin} (which
 * the guard has checked) and the session's CSRF token in {@link BrowserSessions#CSRF_HEADER}: 403
 * otherwise.
 */
public final class ConsoleGate implements Handler {

    private static final String LOGIN_HINT = "Not logged in: open the console login link that `gateway status` "
            + "prints, or send the bearer token";

    private final HostOriginGuard guard;
    private final BearerAuth auth;
    private final BrowserSessions sessions;

    public ConsoleGate(HostOriginGuard guard, BearerAuth auth, BrowserSessions sessions) {
        this.guard = guard;
        this.auth = auth;
        this.sessions = sessions;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        if (ConsoleReply.refusedByGuard(guard, req, res)) {
            return;
        }
        Optional<String> authorization = req.headers().first(HeaderNames.AUTHORIZATION);
        if (authorization.isPresent() || auth.disabled()) {
            Optional<BearerAuth.Denial> denied = auth.check(authorization);
            if (denied.isPresent()) {
                res.header(HeaderNames.WWW_AUTHENTICATE, BearerAuth.CHALLENGE);
                ConsoleReply.error(res, denied.get().status(), denied.get().message());
                return;
            }
            res.next();
            return;
        }
        Optional<BrowserSessions.BrowserSession> session = sessions.find(req.headers().first(HeaderNames.COOKIE));
        if (session.isEmpty()) {
            res.header(HeaderNames.WWW_AUTHENTICATE, BearerAuth.CHALLENGE);
            if (req.path().path().startsWith("/api/")) {
                ConsoleReply.error(res, 401, LOGIN_HINT);
            } else { // a person opened the page: say what to do in words
                ConsoleReply.send(res, 401, "text/plain; charset=utf-8",
                        (LOGIN_HINT + ".\n").getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        Method method = req.prologue().method();
        if (!Method.GET.equals(method) && !Method.HEAD.equals(method)) {
            if (req.headers().first(HeaderNames.ORIGIN).isEmpty()) {
                ConsoleReply.error(res, 403, "A state-changing console request needs an Origin header");
                return;
            }
            if (!session.get().csrfMatches(req.headers().first(HeaderNames.create(BrowserSessions.CSRF_HEADER))
                    .orElse(null))) {
                ConsoleReply.error(res, 403, "Missing or wrong " + BrowserSessions.CSRF_HEADER);
                return;
            }
        }
        req.context().register(ConsoleGate.class, session.get());
        res.next();
    }
}
