package com.verivus.gateway.http;

import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.ToolResults;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;

/** Test-only tools: the runtime's catalogue is nearly empty while the provider tools are being written. */
final class TestTools {

    private TestTools() {
    }

    /** Echoes its text back, reporting two progress steps first. */
    static GatewayTool echo() {
        return new GatewayTool() {
            @Override
            public String name() {
                return "test_echo";
            }

            @Override
            public String description() {
                return "Test tool: returns 'echo: <text>' after two progress steps.";
            }

            @Override
            public InputSchema inputSchema() {
                return InputSchema.builder().string("text", "The text to echo back.", p -> p.required()).build();
            }

            @Override
            public CallToolResult call(ToolCall call) {
                call.progress().report(1, 2.0, "half way");
                call.progress().report(2, 2.0, "done");
                return ToolResults.text("echo: " + call.requiredString("text"));
            }
        };
    }

    /** Stands in for the real llm_process_health tool with a fixed, recognisable body. */
    static GatewayTool processHealth(Map<String, Object> body) {
        return new GatewayTool() {
            @Override
            public String name() {
                return "llm_process_health";
            }

            @Override
            public String description() {
                return "Test stand-in for llm_process_health.";
            }

            @Override
            public InputSchema inputSchema() {
                return InputSchema.empty();
            }

            @Override
            public boolean readOnly() {
                return true;
            }

            @Override
            public CallToolResult call(ToolCall call) {
                return ToolResults.json(body);
            }
        };
    }
}
