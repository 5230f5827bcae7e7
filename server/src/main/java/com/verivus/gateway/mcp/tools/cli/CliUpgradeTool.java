package com.verivus.gateway.mcp.tools.cli;

import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.ToolResults;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.upgrade.UpgradePlan;
import com.verivus.gateway.upgrade.UpgradePlanner;
import com.verivus.gateway.upgrade.UpgradeRunner;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * cli_upgrade: plans (dry run, the default) or runs the upgrade of one CLI. An executed upgrade is a
 * success only when its command exits 0 within the timeout; it is never retried.
 */
public final class CliUpgradeTool implements GatewayTool {

    public static final long DEFAULT_TIMEOUT_MS = 600_000;
    private static final int MAX_OUTPUT_CHARS = 100_000;
    private static final InputSchema SCHEMA = InputSchema.builder()
            .string("cli", "The CLI to upgrade: claude, codex, gemini, grok or mistral (the vibe command).",
                    p -> p.allowed(CliName.keys()).required())
            .string("target", "Version or dist-tag to install, e.g. latest (the default) or 1.2.3.",
                    p -> p.length(1, null).defaultValue("latest"))
            .bool("dryRun", "true (the default): only return the plan (command, arguments, strategy) without running "
                    + "anything. false: run the upgrade command on the gateway's machine.", true)
            .integer("timeoutMs", "When dryRun is false: stop the upgrade command after this many milliseconds "
                    + "(30000-3600000, default 600000). A timed-out upgrade is reported as failed, not retried.",
                    p -> p.range(30_000, 3_600_000))
            .build();

    private final UpgradePlanner planner;
    private final UpgradeRunner runner;

    public CliUpgradeTool(UpgradePlanner planner, UpgradeRunner runner) {
        this.planner = planner;
        this.runner = runner;
    }

    @Override
    public String name() {
        return "cli_upgrade";
    }

    @Override
    public String description() {
        return "Upgrade one coding-agent CLI on the gateway's machine. By default (dryRun true) it only shows the plan: "
                + "claude/grok/codex update themselves, gemini (and explicit codex versions) install through npm, "
                + "Mistral Vibe through the pip, uv or Homebrew install it detects. With dryRun false it runs that "
                + "command once (network access needed) and reports stdout, stderr and the exit code; success is "
                + "false when the command fails or times out. Check the result with cli_versions.";
    }

    @Override
    public InputSchema inputSchema() {
        return SCHEMA;
    }

    @Override
    public CallToolResult call(ToolCall call) {
        CliName cli = CliName.fromKey(call.requiredString("cli")).orElseThrow();
        UpgradePlan plan;
        try {
            plan = planner.plan(cli, call.string("target").orElse("latest"));
        } catch (IllegalArgumentException e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("success", false);
            body.put("error", e.getMessage());
            return ToolResults.jsonError(body);
        }
        boolean dryRun = call.optionalBool("dryRun").orElse(true);
        Map<String, Object> body = new LinkedHashMap<>();
        if (dryRun) {
            body.put("success", true);
            body.put("dryRun", true);
            body.put("plan", plan.toJson());
            return ToolResults.json(body);
        }
        Duration timeout = Duration.ofMillis(call.integer("timeoutMs").orElse(DEFAULT_TIMEOUT_MS));
        return result(plan, runner.run(plan, timeout));
    }

    /** The tool result for an executed plan (also used by tests that run with short timeouts). */
    public static CallToolResult result(UpgradePlan plan, UpgradeRunner.Execution run) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", run.success());
        body.put("dryRun", false);
        body.put("plan", plan.toJson());
        body.put("stdout", tail(run.stdout()));
        body.put("stderr", tail(run.stderr()));
        body.put("exitCode", run.exitCode());
        if (run.timedOut()) {
            body.put("timedOut", true);
        }
        if (run.error() != null) {
            body.put("error", run.error());
        }
        return run.success() ? ToolResults.json(body) : ToolResults.jsonError(body);
    }

    /** Installers print a lot; the end of the output says what happened. */
    private static String tail(String text) {
        return text.length() <= MAX_OUTPUT_CHARS ? text
                : "[... " + (text.length() - MAX_OUTPUT_CHARS) + " characters cut]\n"
                + text.substring(text.length() - MAX_OUTPUT_CHARS);
    }
}
