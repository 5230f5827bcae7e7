package com.verivus.gateway.provider.claude;

import com.verivus.gateway.provider.FlagValue;
import com.verivus.gateway.provider.SessionPlan;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The claude argv in §3.1 order: -p, model, output format, tools, permission, MCP config, high-impact, session.
 * claude's -p is a switch and the prompt its positional argument (commander): a prompt starting with "-" would be
 * read as an option, so it goes last, after "--"; option values starting with "-" are attached ({@link FlagValue}).
 */
final class ClaudeArgv {

    private ClaudeArgv() {
    }

    /**
     * @param mcpConfig the generated config file, or null when none is passed
     * @param warnings receives "permissionMode wins" when both permission inputs were given
     */
    static List<String> build(ClaudeRequest r, Path mcpConfig, SessionPlan session, List<String> warnings) {
        ClaudeRequest.Options o = r.options();
        List<String> a = new ArrayList<>();
        String prompt = r.shared().prompt();
        boolean promptLast = FlagValue.startsWithDash(prompt);
        a.add("-p");
        if (!promptLast) {
            a.add(prompt);
        }
        if (r.shared().model() != null) {
            FlagValue.append(a, "--model", r.shared().model());
        }
        switch (o.outputFormat()) {
            case JSON -> {
                a.add("--output-format");
                a.add("json");
            }
            // Today's claude refuses stream-json in print mode without --verbose.
            case STREAM_JSON -> a.addAll(List.of("--output-format", "stream-json", "--verbose",
                    "--include-partial-messages"));
            case TEXT -> {
            }
        }
        if (o.allowedTools() != null && !o.allowedTools().isEmpty()) {
            a.add("--allowed-tools");
            a.addAll(o.allowedTools());
        }
        if (o.disallowedTools() != null && !o.disallowedTools().isEmpty()) {
            a.add("--disallowed-tools");
            a.addAll(o.disallowedTools());
        }
        permission(r, a, warnings);
        if (mcpConfig != null) {
            a.add("--mcp-config");
            a.add(mcpConfig.toString());
            if (o.strictMcpConfig()) {
                a.add("--strict-mcp-config");
            }
        }
        if (o.agent() != null) {
            FlagValue.append(a, "--agent", o.agent());
        }
        if (o.agents() != null && !o.agents().isEmpty()) {
            a.add("--agents");
            a.add(AgentDefinitions.toJson(o.agents()));
        }
        if (o.forkSession()) {
            a.add("--fork-session");
        }
        if (o.systemPrompt() != null) {
            FlagValue.append(a, "--system-prompt", o.systemPrompt());
        }
        if (o.appendSystemPrompt() != null) {
            FlagValue.append(a, "--append-system-prompt", o.appendSystemPrompt());
        }
        if (o.maxBudgetUsd() != null) {
            a.add("--max-budget-usd");
            a.add(plainNumber(o.maxBudgetUsd()));
        }
        if (o.maxTurns() != null) {
            a.add("--max-turns");
            a.add(Long.toString(o.maxTurns()));
        }
        if (o.effort() != null) {
            a.add("--effort");
            a.add(o.effort().key());
        }
        if (o.excludeDynamicSystemPromptSections()) {
            a.add("--exclude-dynamic-system-prompt-sections");
        }
        a.addAll(session.args());
        if (promptLast) {
            a.add("--");
            a.add(prompt);
        }
        return a;
    }

    private static void permission(ClaudeRequest r, List<String> a, List<String> warnings) {
        ClaudeRequest.Options o = r.options();
        if (r.shared().mcpManaged()) {
            a.add("--permission-mode");
            a.add("bypassPermissions");
            return;
        }
        if (o.permissionMode() != null) {
            if (o.dangerouslySkipPermissions()) {
                warnings.add("Both permissionMode and dangerouslySkipPermissions were given; permissionMode wins");
            }
            if (o.permissionMode() != ClaudePermissionMode.DEFAULT) {
                a.add("--permission-mode");
                a.add(o.permissionMode().key());
            }
            return;
        }
        if (o.dangerouslySkipPermissions()) {
            a.add("--permission-mode");
            a.add("bypassPermissions");
        }
    }

    /** As JavaScript's String(n) prints ordinary amounts: 5, 0.5, 12.25 (never 5.0 or 1.0E-4). */
    static String plainNumber(double n) {
        BigDecimal d = BigDecimal.valueOf(n).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
