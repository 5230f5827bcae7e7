package com.verivus.gateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.verivus.gateway.testing.GatewayClient;
import com.verivus.gateway.testing.GatewayProcess;
import com.verivus.gateway.testing.JsonRpc;
import java.time.Duration;

/**
 * The MCP scenarios over stdio: the SDK's {@code StdioClientTransport} starts the gateway; lines the SDK
 * cannot write go to a second, hand-driven gateway process started for them.
 */
class StdioMcpScenarioTest extends AbstractMcpScenarioSuite {

    private GatewayProcess raw;

    @Override
    GatewayClient connect(GatewayProcess.Builder launch) {
        return launch.connect();
    }

    @Override
    JsonNode rawExchange(String request) throws Exception {
        if (raw == null) {
            raw = launch.start();
            raw.send(JsonRpc.initialize(0));
            reply();
            raw.send(JsonRpc.initialized());
        }
        raw.send(request);
        return reply();
    }

    private JsonNode reply() throws Exception {
        while (true) {
            String line = raw.readLine(Duration.ofSeconds(60)).orElseThrow(() -> new AssertionError(
                    "stdout ended; stderr:\n" + raw.stderr()));
            JsonNode node = JSON.readTree(line);
            if (!node.has("method")) {
                return node; // server notifications (log messages) are not replies
            }
        }
    }

    @Override
    void stopGateway() throws Exception {
        try {
            super.stopGateway();
        } finally {
            if (raw != null) {
                raw.close();
            }
        }
    }
}
