package com.verivus.gateway.console;

import com.verivus.gateway.access.BearerAuth;
import com.verivus.gateway.access.HostOriginGuard;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.PathMatchers;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRouting;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * The web console's routes: {@code /login} (open, checks its one-time code), the page and its two
 * static files, and {@code /api/...}, the last two behind the {@link ConsoleGate}.
 */
public final class ConsoleRoutes implements AutoCloseable {

    public static final String LOGIN_PATH = "/login";

    private final ConsoleGate gate;
    private final LoginHandler login;
    private final ConsoleApi api;
    private final StaticAssets assets;
    private final AtomicBoolean stopping = new AtomicBoolean();

    /**
     * @param token        the bearer token login codes are signed with; without one no code is ever valid
     * @param secureCookie whether the session cookie gets {@code Secure} (the gateway is reached over https)
     */
    public ConsoleRoutes(HostOriginGuard guard, BearerAuth auth, Optional<String> token, boolean secureCookie,
                         ConsoleSources sources) {
        Clock clock = Clock.systemUTC();
        BrowserSessions sessions = new BrowserSessions(clock);
        this.gate = new ConsoleGate(guard, auth, sessions);
        this.login = new LoginHandler(guard, new LoginCodes(token.filter(t -> !t.isEmpty()).orElseGet(ConsoleRoutes::unguessable)),
                sessions, clock, secureCookie);
        this.api = new ConsoleApi(sources, stopping);
        this.assets = new StaticAssets();
    }

    public void addTo(HttpRouting.Builder routing) {
        routing.route(exact(Method.predicate(Method.GET), LOGIN_PATH, login))
                .route(exact(m -> true, LOGIN_PATH, methodNotAllowed("GET")));
        for (String path : StaticAssets.FILES.keySet()) {
            routing.route(exact(m -> true, path, gate))
                    .route(exact(Method.predicate(Method.GET), path, assets))
                    .route(exact(m -> true, path, methodNotAllowed("GET")));
        }
        routing.route(HttpRoute.builder().methods(m -> true).path(PathMatchers.prefix("/api/")).handler(gate).build())
                .route(HttpRoute.builder().methods(m -> true).path(PathMatchers.prefix("/api/")).handler(api).build());
    }

    /** Ends open event streams (within {@link JobEvents#CHECK}) so the server can stop. */
    @Override
    public void close() {
        stopping.set(true);
    }

    private static HttpRoute exact(Predicate<Method> methods, String path, Handler handler) {
        return HttpRoute.builder().methods(methods).path(PathMatchers.exact(path)).handler(handler).build();
    }

    private static Handler methodNotAllowed(String allow) {
        return (req, res) -> {
            res.header(HeaderNames.ALLOW, allow);
            ConsoleReply.error(res, 405, "Method not allowed");
        };
    }

    private static String unguessable() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
