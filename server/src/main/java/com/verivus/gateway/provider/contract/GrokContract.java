package com.verivus.gateway.provider.contract;

import static com.verivus.gateway.provider.contract.ConformanceFixture.fail;
import static com.verivus.gateway.provider.contract.ConformanceFixture.pass;
import static com.verivus.gateway.provider.contract.FlagSpec.choice;
import static com.verivus.gateway.provider.contract.FlagSpec.toggle;
import static com.verivus.gateway.provider.contract.FlagSpec.value;

import com.verivus.gateway.provider.CliName;
import java.util.List;

/** Grok CLI ({@code grok -p}); not published on npm, so no captured help backs it. */
final class GrokContract {

    private GrokContract() {
    }

    static CliContract contract() {
        return new CliContract(CliName.GROK, "grok (Grok CLI; not on npm)", null, "grok",
                List.of(List.of("--help")),
                List.of("grok_request", "grok_request_async"),
                List.of("prompt", "model", "outputFormat", "alwaysApprove", "approvalStrategy", "permissionMode",
                        "effort", "reasoningEffort", "allowedTools", "disallowedTools", "sessionId", "resumeLatest",
                        "createNewSession"),
                List.of(
                        value("-p", "Headless mode; the prompt follows"),
                        value("--model", "Model"),
                        choice("--output-format", "Output format", List.of("plain", "json", "streaming-json")),
                        toggle("--always-approve", "Approve every tool use"),
                        choice("--permission-mode", "Permission mode",
                                List.of("default", "acceptEdits", "auto", "dontAsk", "bypassPermissions", "plan")),
                        choice("--effort", "Effort level", ClaudeContract.EFFORTS),
                        value("--reasoning-effort", "Reasoning effort"),
                        value("--tools", "Allowed tools, comma-separated"),
                        value("--disallowed-tools", "Denied tools, comma-separated"),
                        value("--resume", "Resume a session by id"),
                        toggle("--continue", "Continue the most recent session")),
                List.of(), 0, 0, List.of(),
                List.of(
                        pass("grok-minimal", "prompt only", "-p", "hello"),
                        pass("grok-tools", "tools and continue", "-p", "hello", "--always-approve", "--tools",
                                "read,grep", "--continue"),
                        fail("grok-bad-format", "unknown output format", "-p", "x", "--output-format", "yaml"),
                        fail("grok-unknown-flag", "flags outside the contract are rejected", "-p", "x", "--yolo")));
    }
}
