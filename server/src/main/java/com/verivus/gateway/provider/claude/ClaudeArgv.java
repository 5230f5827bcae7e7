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
        switch (r.outputFormat()) {
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
        if (r.allowedTools() != null && !r.allowedTools().isEmpty()) {
            a.add("--allowed-tools");
            a.addAll(r.allowedTools());
        }
        if (r.disallowedTools() != null && !r.disallowedTools().isEmpty()) {
            a.add("--disallowed-tools");
            a.addAll(r.disallowedTools());
        }
        permission(r, a, warnings);
        if (mcpConfig != null) {
            a.add("--mcp-config");
            a.add(mcpConfig.toString());
            if (r.strictMcpConfig()) {
                a.add("--strict-mcp-config");
            }
        }
        if (r.agent() != null) {
            FlagValue.append(a, "--agent", r.agent());
        }
        if (r.agents() != null && !r.agents().isEmpty()) {
            a.add("--agents");
            a.add(AgentDefinitions.toJson(r.agents()));
        }
        if (r.forkSession()) {
            a.add("--fork-session");
        }
        if (r.systemPrompt() != null) {
            FlagValue.append(a, "--system-prompt", r.systemPrompt());
        }
        if (r.appendSystemPrompt() != null) {
            FlagValue.append(a, "--append-system-prompt", r.appendSystemPrompt());
        }
        if (r.maxBudgetUsd() != null) {
            a.add("--max-budget-usd");
            a.add(plainNumber(r.maxBudgetUsd()));
        }
        if (r.maxTurns() != null) {
            a.add("--max-turns");
            a.add(Long.toString(r.maxTurns()));
        }
        if (r.effort() != null) {
            a.add("--effort");
            a.add(r.effort().key());
        }
        if (r.excludeDynamicSystemPromptSections()) {
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
        if (r.shared().mcpManaged()) {
            a.add("--permission-mode");
            a.add("bypassPermissions");
            return;
        }
        if (r.permissionMode() != null) {
            if (r.dangerouslySkipPermissions()) {
                warnings.add("Both permissionMode and dangerouslySkipPermissions were given; permissionMode wins");
            }
            if (r.permissionMode() != ClaudePermissionMode.DEFAULT) {
                a.add("--permission-mode");
                a.add(r.permissionMode().key());
            }
            return;
        }
        if (r.dangerouslySkipPermissions()) {
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
