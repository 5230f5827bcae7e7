package com.verivus.dag.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;

/**
 * Where U05 reads the gateway's {@code llm_process_health}: {@code GET /process-health} of an HTTP
 * gateway, or the tool itself over the stdio connection the MCP client's own launch opened.
 */
sealed interface HealthSource permits HealthSource.Http, HealthSource.Stdio {

    /** What is asked, for the evidence ("GET http://.../process-health"). */
    String describe();

    /** @return status 200 and the report's JSON text, or another status and what came back instead */
    ProcessHealthClient.Response fetch(Duration timeout) throws IOException, InterruptedException;

    record Http(GatewayEndpoint endpoint) implements HealthSource {
        @Override
        public String describe() {
            return "GET " + endpoint.processHealth();
        }

        @Override
        public ProcessHealthClient.Response fetch(Duration timeout) throws IOException, InterruptedException {
            return ProcessHealthClient.fetch(endpoint, timeout);
        }
    }

    record Stdio(StdioMcpSession session) implements HealthSource {
        @Override
        public String describe() {
            return "tools/call llm_process_health over stdio (pid " + session.gateway().pid() + ")";
        }

        @Override
        public ProcessHealthClient.Response fetch(Duration timeout) throws IOException, InterruptedException {
            JsonNode result = session.callTool("llm_process_health", timeout);
            String text = result.path("content").path(0).path("text").asText("");
            boolean error = result.path("isError").asBoolean(false) || text.isEmpty();
            return new ProcessHealthClient.Response(error ? 500 : 200, error ? result.toString() : text);
        }
    }
}
