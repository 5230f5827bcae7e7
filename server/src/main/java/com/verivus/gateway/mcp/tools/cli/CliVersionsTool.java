package com.verivus.gateway.mcp.tools.cli;

import com.verivus.gateway.doctor.ProviderGuidance;
import com.verivus.gateway.doctor.ProviderStatus;
import com.verivus.gateway.doctor.ProviderStatusProbe;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.ToolResults;
import com.verivus.gateway.provider.CliName;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * cli_versions: which of the five CLIs are installed, their versions and login state, probed the
 * way the doctor probes them (bounded {@code --version} and login-status commands, output sanitized).
 */
public final class CliVersionsTool implements GatewayTool {

    private static final List<String> CLI_OR_EMPTY = withEmpty();
    private static final InputSchema SCHEMA = InputSchema.builder()
            .string("cli", "Only this CLI (claude, codex, gemini, grok or mistral); omit, null or \"\" for all five.",
                    p -> p.allowed(CLI_OR_EMPTY).nullable())
            .build();

    private final ProviderStatusProbe probe;

    public CliVersionsTool(ProviderStatusProbe probe) {
        this.probe = probe;
    }

    private static List<String> withEmpty() {
        List<String> values = new ArrayList<>(CliName.keys());
        values.add("");
        return List.copyOf(values);
    }

    @Override
    public String name() {
        return "cli_versions";
    }

    @Override
    public String description() {
        return "Report which coding-agent CLIs (claude, codex, gemini, grok, mistral = the vibe command) are installed "
                + "on the gateway's machine, their versions (from <cli> --version) and whether each is logged in, "
                + "with login guidance. Use it before sending requests to a CLI, or after cli_upgrade to confirm "
                + "the new version. Each check is bounded to a few seconds; output is sanitized of e-mails and tokens.";
    }

    @Override
    public InputSchema inputSchema() {
        return SCHEMA;
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public CallToolResult call(ToolCall call) {
        String only = call.string("cli").filter(s -> !s.isEmpty()).orElse(null);
        List<CliName> clis = only == null ? List.of(CliName.values()) : List.of(CliName.fromKey(only).orElseThrow());
        Map<CliName, ProviderStatus> statuses = probe.probeAll(clis);
        List<Map<String, Object>> versions = new ArrayList<>();
        for (CliName cli : clis) {
            versions.add(entry(statuses.get(cli)));
        }
        return ToolResults.json(Map.of("versions", versions));
    }

    static Map<String, Object> entry(ProviderStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cli", s.cli().key());
        m.put("command", s.command());
        m.put("args", List.of("--version"));
        m.put("installed", s.installed());
        if (s.version() != null) {
            m.put("version", s.version());
        }
        m.put("loginStatus", s.loginStatus().key());
        ProviderGuidance.Login login = ProviderGuidance.of(s.cli()).login();
        Map<String, Object> guidance = new LinkedHashMap<>();
        guidance.put("summary", login.summary());
        guidance.put("commands", login.commands());
        guidance.put("credentialHandling", login.credentialHandling());
        m.put("loginGuidance", guidance);
        m.put("stdout", s.versionStdout());
        m.put("stderr", s.versionStderr());
        if (s.error() != null) {
            m.put("error", s.error());
        }
        return m;
    }
}
