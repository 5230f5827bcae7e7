package com.verivus.gateway.http;

import com.verivus.gateway.mcp.http.HelidonStreamableTransportProvider;
import com.verivus.gateway.console.ConsoleRoutes;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.PathMatchers;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRouting;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The gateway's routes, in the order Helidon tries them. Every request passes the
 * {@link FramingFilter} first. A protected path starts with the {@link AccessGate} (Host/Origin,
 * then bearer token), which hands a passing request on to the path's method routes; a method
 * without a route gets 405 with {@code Allow}, a path without routes 404, both as JSON.
 * To add an endpoint, add its gate, method and 405 routes here, before the final 404. Paths given
 * as strings are exact (a configured MCP path is never read as a pattern); a subtree such as
 * {@code /api/} takes an {@code HttpRoute} with {@code PathMatchers.prefix}.
 */
final class GatewayRoutes {

    static final String HEALTH_PATH = "/healthz";
    static final String PROCESS_HEALTH_PATH = "/process-health";

    private static final Predicate<Method> ANY_METHOD = method -> true;

    private GatewayRoutes() {
    }

    static HttpRouting.Builder routing(String mcpPath, AccessGate gate, HelidonStreamableTransportProvider transport,
                                       Supplier<String> processHealth, Optional<ConsoleRoutes> console) {
        HttpRouting.Builder routing = HttpRouting.builder()
                .addFilter(new FramingFilter())
                // Open to anyone, any method: liveness for `gateway status` and load balancers. It reveals
                // no session count (departure §14.15).
                .route(route(ANY_METHOD, HEALTH_PATH, (req, res) -> JsonReply.send(req, res, 200, Map.of("ok", true))))
                .route(route(ANY_METHOD, mcpPath, gate))
                .route(route(Method.predicate(Method.GET, Method.POST, Method.DELETE), mcpPath, transport::handle))
                .route(route(ANY_METHOD, mcpPath, methodNotAllowed("GET, POST, DELETE")))
                .route(route(ANY_METHOD, PROCESS_HEALTH_PATH, gate))
                .route(route(Method.predicate(Method.GET, Method.HEAD), PROCESS_HEALTH_PATH,
                        new ProcessHealthHandler(processHealth)))
                .route(route(ANY_METHOD, PROCESS_HEALTH_PATH, methodNotAllowed("GET, HEAD")));
        // the web console (its own gate: bearer token or login cookie, CSRF on state changes)
        console.ifPresent(routes -> routes.addTo(routing));
        return routing.any((req, res) -> JsonReply.error(req, res, 404, "Not found"));
    }

    private static HttpRoute route(Predicate<Method> methods, String path, Handler handler) {
        return HttpRoute.builder().methods(methods).path(PathMatchers.exact(path)).handler(handler).build();
    }

    private static Handler methodNotAllowed(String allow) {
        return (req, res) -> {
            res.header(HeaderNames.ALLOW, allow);
            JsonReply.error(req, res, 405, "Method not allowed");
        };
    }
}
