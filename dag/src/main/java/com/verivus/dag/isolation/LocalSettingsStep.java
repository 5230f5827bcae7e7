package com.verivus.dag.isolation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.verivus.dag.model.Unit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * U03: {@code mcpServers.<name>.env.LLM_GATEWAY_CONFIG} in .claude/settings.local.json, merged so every
 * other key survives. All three of its gates are checked before the file is written: .mcp.json (read,
 * never written) must name the server, the settings must be mergeable, and git must not carry the
 * per-developer settings file.
 */
final class LocalSettingsStep implements IsolationStep {

    @Override
    public String unitName() {
        return "register-llm-gateway-config-env-in-claude-local-settings";
    }

    @Override
    public List<Gate> gates() {
        return List.of(Gate.MCP_JSON_NAMES_SERVER, Gate.LOCAL_SETTINGS_MERGEABLE, Gate.CONFIG_IS_COMMITTED);
    }

    @Override
    public StepResult run(Unit unit, RunContext context) throws IOException {
        StepResult.Builder out = new StepResult.Builder(unit.id(), context.log());
        IsolationInstance instance = context.instance();
        Path settings = instance.localSettings();
        String configPath = instance.configToml().toString();
        out.artefact(settings);

        Optional<Finding> mcpJson = checkMcpJson(context, out, unit.id());
        if (mcpJson.isPresent()) {
            return out.failed(mcpJson.get());
        }

        String existing = context.files().read(settings).orElse(null);
        LocalSettingsMerge.Outcome outcome = LocalSettingsMerge.merge(existing, instance.serverName(), configPath);
        if (outcome instanceof LocalSettingsMerge.Conflict conflict) {
            return out.failed(Finding.of(Gate.LOCAL_SETTINGS_MERGEABLE, unit.id(), settings + ": " + conflict.observed(),
                    "a JSON object with mcpServers." + instance.serverName() + ".env as an object",
                    conflict.remediation()));
        }
        LocalSettingsMerge.Merged merged = (LocalSettingsMerge.Merged) outcome;

        String relative = instance.relative(settings);
        Optional<Finding> ignored = IgnoreEntry.ensure(context, out, unit.id(), Gate.CONFIG_IS_COMMITTED, settings,
                false, List.of(relative));
        if (ignored.isPresent()) {
            return out.failed(ignored.get());
        }
        if (context.git().isWorkTree() && context.git().tracks(relative)) {
            return out.failed(Finding.of(Gate.CONFIG_IS_COMMITTED, unit.id(), "git tracks " + relative,
                    relative + " neither committed nor tracked (it is per-developer)",
                    "git rm --cached " + relative + " and commit that (the file stays on disk), then re-run"));
        }

        String variable = "mcpServers." + instance.serverName() + ".env." + LocalSettingsMerge.VARIABLE;
        if (!merged.changed()) {
            out.line(relative + " already sets " + variable + " = " + configPath);
        } else {
            out.changed();
            String what = (merged.previous() == null ? "set " : "changed (was " + merged.previous() + ") ") + variable
                    + " = " + configPath + " in " + relative + ", keeping every other key";
            context.files().write(settings, merged.text());
            out.line((context.dryRun() ? "would have " : "") + what);
        }
        out.quote(verify(context.files(), settings, instance.serverName(), configPath));
        return out.completed();
    }

    private static Optional<Finding> checkMcpJson(RunContext context, StepResult.Builder out, String unitId)
            throws IOException {
        IsolationInstance instance = context.instance();
        Path mcpJson = instance.mcpJson();
        String name = instance.serverName();
        Optional<String> mcpJsonText = context.files().read(mcpJson);
        if (mcpJsonText.isEmpty()) {
            out.line("no " + instance.relative(mcpJson) + " in the repository (the server `" + name
                    + "` must then be configured in the client's user scope)");
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JsonText.MAPPER.readTree(mcpJsonText.get());
        } catch (JacksonException e) {
            return Optional.of(Finding.of(Gate.MCP_JSON_NAMES_SERVER, unitId,
                    mcpJson + " is not valid JSON: " + e.getOriginalMessage(),
                    "valid JSON declaring mcpServers." + name,
                    "fix " + instance.relative(mcpJson) + " (isolate only reads it, never writes it), then re-run"));
        }
        JsonNode servers = root == null ? null : root.get("mcpServers");
        if (servers != null && servers.isObject() && servers.has(name)) {
            out.line(instance.relative(mcpJson) + " declares mcpServers." + name + " (left untouched)");
            if (servers.get(name).path("env").has(LocalSettingsMerge.VARIABLE)) {
                out.line("note: the committed " + instance.relative(mcpJson) + " also sets "
                        + LocalSettingsMerge.VARIABLE + "; the per-developer value goes in settings.local.json");
            }
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        if (servers != null && servers.isObject()) {
            servers.fieldNames().forEachRemaining(names::add);
        }
        return Optional.of(Finding.of(Gate.MCP_JSON_NAMES_SERVER, unitId,
                instance.relative(mcpJson) + " declares mcpServers " + names + " but not `" + name + "`",
                "mcpServers." + name + " in " + instance.relative(mcpJson)
                        + " (the server the LLM_GATEWAY_CONFIG override targets)",
                names.isEmpty()
                        ? "add an mcpServers." + name + " entry for the gateway to " + instance.relative(mcpJson)
                                + " yourself, then re-run"
                        : "if one of " + names + " is this gateway, re-run with --mcp-server-name <that name>; "
                                + "otherwise add an mcpServers." + name + " entry to " + instance.relative(mcpJson)
                                + " yourself (isolate never edits it)"));
    }

    /** Re-reads the written file: the server entry as the client will see it. */
    private static String verify(WorkingTree files, Path settings, String name, String configPath) throws IOException {
        JsonNode server = JsonText.MAPPER.readTree(files.read(settings).orElse("{}")).path("mcpServers").path(name);
        if (!configPath.equals(server.path("env").path(LocalSettingsMerge.VARIABLE).asText(null))) {
            throw new IOException(settings + " does not hold " + LocalSettingsMerge.VARIABLE + " = " + configPath
                    + " after writing it");
        }
        return "\"" + name + "\": " + JsonText.pretty(server).strip();
    }
}
