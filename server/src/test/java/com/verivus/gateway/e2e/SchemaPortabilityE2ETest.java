package com.verivus.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.testing.GatewayClient;
import com.verivus.gateway.testing.GatewayProcess;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every tool schema a client lists is in the portable form: no {@code "type": [...]} arrays (the MCP Inspector
 * 2.12 flagged 164 of them), unions as {@code anyOf}.
 */
class SchemaPortabilityE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void noToolSchemaUsesATypeArray() {
        try (GatewayClient gw = GatewayProcess.builder(home).connect()) {
            List<McpSchema.Tool> tools = gw.mcp().listTools().tools();
            assertThat(tools).hasSizeGreaterThan(30);
            List<String> offenders = new ArrayList<>();
            for (McpSchema.Tool tool : tools) {
                walk(tool.name() + ".inputSchema", JSON.convertValue(tool.inputSchema(), Object.class), offenders);
                if (tool.outputSchema() != null) {
                    walk(tool.name() + ".outputSchema", tool.outputSchema(), offenders);
                }
            }
            assertThat(offenders).isEmpty();
            // a nullable parameter keeps its meaning: the string branch and null
            Map<?, ?> input = JSON.convertValue(tools.stream().filter(t -> t.name().equals("session_set_active"))
                    .findFirst().orElseThrow().inputSchema(), Map.class);
            Map<?, ?> sessionId = (Map<?, ?>) ((Map<?, ?>) input.get("properties")).get("sessionId");
            assertThat(sessionId.get("anyOf")).isEqualTo(List.of(Map.of("type", "string"), Map.of("type", "null")));
        }
    }

    private static void walk(String where, Object node, List<String> offenders) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if ("type".equals(k) && v instanceof List<?>) {
                    offenders.add(where + " type " + v);
                }
                walk(where + "/" + k, v, offenders);
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(where + "/" + i, list.get(i), offenders);
            }
        }
    }
}
