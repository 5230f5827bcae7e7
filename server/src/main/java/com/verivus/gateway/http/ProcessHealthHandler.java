package com.verivus.gateway.http;

import com.verivus.gateway.log.GatewayLog;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** {@code GET /process-health}: the process-health JSON, or 503 while it cannot be produced. */
final class ProcessHealthHandler implements Handler {

    private final Supplier<String> processHealth;

    ProcessHealthHandler(Supplier<String> processHealth) {
        this.processHealth = processHealth;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        String body;
        try {
            body = processHealth.get();
        } catch (RuntimeException e) {
            GatewayLog.error("process health failed", e);
            body = null;
        }
        if (body == null) {
            JsonReply.error(req, res, 503, "Process health is not available");
            return;
        }
        JsonReply.send(req, res, 200, body.getBytes(StandardCharsets.UTF_8));
    }
}
