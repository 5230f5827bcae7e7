package com.verivus.gateway.http;

import com.verivus.gateway.access.BearerAuth;
import com.verivus.gateway.access.HostOriginGuard;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * The gate in front of every protected route: Host (421) and Origin (403) against the allowed
 * hosts first, so a foreign page learns nothing about the token, not even whether one is needed;
 * then the bearer token (503 without a configured token, 401 with {@code WWW-Authenticate}).
 * A request that passes goes on to the route's next handler ({@link ServerResponse#next()}), the
 * way Helidon's own security handlers are chained in front of a route.
 */
final class AccessGate implements Handler {

    private final HostOriginGuard guard;
    private final BearerAuth auth;

    AccessGate(HostOriginGuard guard, BearerAuth auth) {
        this.guard = guard;
        this.auth = auth;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        Optional<HostOriginGuard.Rejection> rejected = guard.check(req.headers());
        if (rejected.isPresent()) {
            JsonReply.error(req, res, rejected.get().status(), rejected.get().message());
            return;
        }
        Optional<BearerAuth.Denial> denied = auth.check(req.headers().first(HeaderNames.AUTHORIZATION));
        if (denied.isPresent()) {
            res.header(HeaderNames.WWW_AUTHENTICATE, BearerAuth.CHALLENGE);
            JsonReply.error(req, res, denied.get().status(), denied.get().message());
            return;
        }
        res.next();
    }
}
