package com.verivus.gateway.provider.contract;

import static com.verivus.gateway.provider.contract.ConformanceFixture.fail;
import static com.verivus.gateway.provider.contract.ConformanceFixture.pass;
import static com.verivus.gateway.provider.contract.FlagSpec.choice;
import static com.verivus.gateway.provider.contract.FlagSpec.toggle;
import static com.verivus.gateway.provider.contract.FlagSpec.value;

import com.verivus.gateway.provider.CliName;
import java.util.List;

/** Gemini CLI ({@code gemini -p}). */
final class GeminiContract {

    private GeminiContract() {
    }

    static CliContract contract() {
        return new CliContract(CliName.GEMINI, "@google/gemini-cli", null, "gemini",
                List.of(List.of("--help")),
                List.of("gemini_request", "gemini_request_async"),
                List.of("prompt", "model", "approvalMode", "approvalStrategy", "allowedTools", "mcpServers",
                        "includeDirs", "sandbox", "policyFiles", "adminPolicyFiles", "outputFormat", "attachments",
                        "sessionId", "resumeLatest", "createNewSession", "addDir"),
                List.of(
                        value("-p", "Headless mode; the prompt follows"),
                        value("--model", "Model"),
                        choice("--approval-mode", "Approval mode", List.of("default", "auto_edit", "yolo", "plan")),
                        value("--allowed-tools", "A tool allowed without confirmation"),
                        value("--allowed-mcp-server-names", "An MCP server allowed for the run"),
                        value("--include-directories", "An extra workspace directory"),
                        toggle("-s", "Run in the sandbox"),
                        value("--policy", "A policy file"),
                        value("--admin-policy", "An admin policy file"),
                        choice("-o", "Output format (text is the default and is not passed)", List.of("json")),
                        value("--session-id", "Start a new session with this UUID"),
                        value("--resume", "Resume a session: an id or \"latest\"")),
                List.of(), 0, 0, List.of(),
                List.of(
                        pass("gemini-fresh", "fresh session", "-p", "hello", "--allowed-mcp-server-names", "sqry",
                                "--session-id", "2f1e0d5c-8b7a-4c3d-9e2f-1a0b9c8d7e6f"),
                        pass("gemini-resume", "resume latest with json", "-p", "hello", "-o", "json", "--resume",
                                "latest"),
                        fail("gemini-bad-approval", "unknown approval mode", "-p", "x", "--approval-mode", "always"),
                        fail("gemini-positional", "the prompt goes through -p", "-p", "x", "extra"),
                        fail("gemini-unknown-flag", "flags outside the contract are rejected", "-p", "x", "--yolo")));
    }
}
