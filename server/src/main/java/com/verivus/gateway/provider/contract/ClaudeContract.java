package com.verivus.gateway.provider.contract;

import static com.verivus.gateway.provider.contract.ConformanceFixture.fail;
import static com.verivus.gateway.provider.contract.ConformanceFixture.pass;
import static com.verivus.gateway.provider.contract.FlagSpec.choice;
import static com.verivus.gateway.provider.contract.FlagSpec.matching;
import static com.verivus.gateway.provider.contract.FlagSpec.toggle;
import static com.verivus.gateway.provider.contract.FlagSpec.value;
import static com.verivus.gateway.provider.contract.FlagSpec.variadic;

import com.verivus.gateway.provider.CliName;
import java.util.List;

/** Claude Code ({@code claude -p}). Permission modes follow today's CLI, which renamed "default" to "manual". */
final class ClaudeContract {

    static final List<String> EFFORTS = List.of("low", "medium", "high", "xhigh", "max");

    private ClaudeContract() {
    }

    static CliContract contract() {
        return new CliContract(CliName.CLAUDE, "@anthropic-ai/claude-code", null, "claude",
                List.of(List.of("--help")),
                List.of("claude_request", "claude_request_async"),
                List.of("prompt", "model", "outputFormat", "allowedTools", "disallowedTools",
                        "dangerouslySkipPermissions", "permissionMode", "approvalStrategy", "mcpServers",
                        "strictMcpConfig", "agent", "agents", "forkSession", "systemPrompt", "appendSystemPrompt",
                        "maxBudgetUsd", "maxTurns", "effort", "excludeDynamicSystemPromptSections", "sessionId",
                        "continueSession", "createNewSession", "addDir"),
                List.of(
                        toggle("-p", "Non-interactive print mode; the prompt is the one positional argument "
                                + "(after \"--\" when it starts with \"-\")"),
                        value("--model", "Model for the session"),
                        choice("--output-format", "Output format (text is the default and is not passed)",
                                List.of("json", "stream-json")),
                        toggle("--verbose", "Required by today's claude for --output-format stream-json in print mode"),
                        toggle("--include-partial-messages", "Stream partial message chunks (stream-json)"),
                        variadic("--allowed-tools", "Tools allowed without prompting"),
                        variadic("--disallowed-tools", "Tools denied"),
                        choice("--permission-mode", "Permission mode",
                                List.of("acceptEdits", "plan", "auto", "dontAsk", "bypassPermissions")),
                        value("--mcp-config", "The generated MCP server config file"),
                        toggle("--strict-mcp-config", "Only the servers of --mcp-config"),
                        value("--agent", "Agent for the session"),
                        value("--agents", "JSON object of custom agent definitions"),
                        toggle("--fork-session", "New session id when resuming"),
                        value("--system-prompt", "Replace the system prompt"),
                        value("--append-system-prompt", "Append to the system prompt"),
                        matching("--max-budget-usd", "Spending cap in USD", "^[0-9]+(?:\\.[0-9]+)?$"),
                        matching("--max-turns", "Turn limit", "^[1-9][0-9]*$").hidden(),
                        choice("--effort", "Effort level", EFFORTS),
                        toggle("--exclude-dynamic-system-prompt-sections", "Move per-machine sections out of the system prompt"),
                        toggle("--continue", "Continue the most recent conversation in the working directory"),
                        value("--session-id", "Use this session id"),
                        variadic("--add-dir", "More directories Claude can access (addDir)")),
                List.of(), 1, 1, List.of(),
                List.of(
                        pass("claude-minimal", "prompt only", "-p", "hello"),
                        pass("claude-full", "every high-impact flag", "-p", "hello", "--model", "sonnet",
                                "--output-format", "stream-json", "--verbose", "--include-partial-messages",
                                "--allowed-tools", "Read", "Grep", "--permission-mode", "plan", "--mcp-config",
                                "/tmp/claude-mcp.generated.json", "--strict-mcp-config", "--max-turns", "3",
                                "--max-budget-usd", "1.5", "--effort", "high", "--continue"),
                        fail("claude-unknown-flag", "flags outside the contract are rejected", "-p", "x",
                                "--dangerously-skip-permissions"),
                        fail("claude-bad-enum", "an unknown permission mode is rejected", "-p", "x",
                                "--permission-mode", "yolo"),
                        pass("claude-dash-prompt", "a prompt starting with \"-\" goes last, after \"--\"", "-p",
                                "--model=-m", "--", "--dangerously-skip-permissions"),
                        fail("claude-positional", "claude takes one prompt", "-p", "x", "extra"),
                        fail("claude-dash-prompt-as-flag", "a bare dash-leading prompt is read as a flag", "-p",
                                "--dangerously-skip-permissions"),
                        fail("claude-bad-turns", "--max-turns must be a positive integer", "-p", "x",
                                "--max-turns", "0")));
    }
}
