package com.verivus.dag.isolation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code gate_mcp_json_names_server}: a committed .mcp.json, when there is one, must declare the gateway
 * under one of the names looked for ({@code llm-cli-gateway}, {@code llm-gateway}, or the one given with
 * {@code --mcp-server-name}). The file is read, never written: it is shared by everyone who clones.
 */
final class McpJsonCheck {

    private McpJsonCheck() {
    }

    static Optional<Finding> check(RunContext context, StepResult.Builder out, String unitId) throws IOException {
        IsolationInstance instance = context.instance();
        Path mcpJson = instance.mcpJson();
        String relative = instance.relative(mcpJson);
        List<String> wanted = instance.serverNames();
        Optional<String> text = context.files().read(mcpJson);
        if (text.isEmpty()) {
            out.line("no " + relative + " in the repository (the client's user or local scope must then declare "
                    + String.join(" or ", wanted) + ")");
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JsonText.MAPPER.readTree(text.get());
        } catch (JacksonException e) {
            return Optional.of(Finding.of(Gate.MCP_JSON_NAMES_SERVER, unitId,
                    mcpJson + " is not valid JSON: " + e.getOriginalMessage(),
                    "valid JSON declaring mcpServers." + instance.serverName(),
                    "fix " + relative + " (isolate only reads it, never writes it), then re-run"));
        }
        JsonNode servers = root == null ? null : root.get("mcpServers");
        for (String name : wanted) {
            if (servers != null && servers.isObject() && servers.has(name)) {
                out.line(relative + " declares mcpServers." + name + " (left untouched)");
                return Optional.empty();
            }
        }
        List<String> names = new ArrayList<>();
        if (servers != null && servers.isObject()) {
            servers.fieldNames().forEachRemaining(names::add);
        }
        return Optional.of(Finding.of(Gate.MCP_JSON_NAMES_SERVER, unitId,
                relative + " declares mcpServers " + names + " but none of " + wanted,
                "mcpServers." + instance.serverName() + " in " + relative,
                names.isEmpty()
                        ? "add the gateway to " + relative + " (`jbang gateway@verivus print-client-config --client json` "
                                + "prints the entry), then re-run"
                        : "if one of " + names + " is this gateway, re-run with --mcp-server-name <that name>; "
                                + "otherwise add an mcpServers." + instance.serverName() + " entry to " + relative
                                + " yourself (isolate never edits it)"));
    }
}
