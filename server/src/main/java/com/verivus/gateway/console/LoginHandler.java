package com.verivus.gateway.console;

import com.verivus.gateway.access.HostOriginGuard;
import com.verivus.gateway.log.GatewayLog;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * {@code GET /login?code=<one-time code>}: a valid code starts a browser session (its cookie is set)
 * and redirects to {@code /}, so the link does not stay useful in the history; any other code gets 403.
 */
public final class LoginHandler implements Handler {

    private final HostOriginGuard guard;
    private final LoginCodes codes;
    private final BrowserSessions sessions;
    private final Clock clock;
    private final boolean secureCookie;

    public LoginHandler(HostOriginGuard guard, LoginCodes codes, BrowserSessions sessions, Clock clock,
                        boolean secureCookie) {
        this.secureCookie = secureCookie;
        this.guard = guard;
        this.codes = codes;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        if (ConsoleReply.refusedByGuard(guard, req, res)) {
            return;
        }
        String code = req.query().first("code").orElse(null);
        if (!codes.redeem(code, clock.instant())) {
            GatewayLog.warn("console login refused: the code is malformed, expired or already used");
            ConsoleReply.send(res, 403, "text/plain; charset=utf-8", ("This login link is invalid, expired or "
                    + "already used. Run `gateway status` for a new one.\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        BrowserSessions.BrowserSession session = sessions.create();
        ConsoleReply.securityHeaders(res);
        res.header(HeaderNames.SET_COOKIE, BrowserSessions.setCookie(session, secureCookie));
        res.header(HeaderNames.LOCATION, "/");
        res.status(303);
        res.send();
    }
}
