package com.verivus.gateway.provider.contract;

import static com.verivus.gateway.provider.contract.ConformanceFixture.fail;
import static com.verivus.gateway.provider.contract.ConformanceFixture.pass;
import static com.verivus.gateway.provider.contract.FlagSpec.choice;
import static com.verivus.gateway.provider.contract.FlagSpec.matching;
import static com.verivus.gateway.provider.contract.FlagSpec.toggle;
import static com.verivus.gateway.provider.contract.FlagSpec.value;

import com.verivus.gateway.provider.CliName;
import java.util.List;

/**
 * Codex ({@code codex exec}, {@code codex exec resume}, {@code codex exec fork}). Today's exec has no
 * --ask-for-approval, --full-auto or --search; those are expressed as {@code -c} overrides, so the
 * contract does not list them. Resume takes neither sandbox nor -c (dropped by the gateway), nor --profile.
 */
final class CodexContract {

    static final String EXEC = "exec";
    static final String RESUME = "resume";
    static final String FORK = "fork";

    private CodexContract() {
    }

    static CliContract contract() {
        return new CliContract(CliName.CODEX, "@openai/codex", EXEC, EXEC,
                List.of(List.of("exec", "--help"), List.of("exec", "resume", "--help"), List.of("exec", "fork", "--help")),
                List.of("codex_request", "codex_request_async", "codex_fork_session"),
                List.of("prompt", "model", "fullAuto", "sandboxMode", "askForApproval", "useLegacyFullAutoFlag",
                        "dangerouslyBypassApprovalsAndSandbox", "outputFormat", "outputSchema", "search", "profile",
                        "configOverrides", "ephemeral", "images", "ignoreUserConfig", "ignoreRules", "sessionId",
                        "resumeLatest", "createNewSession", "forkLast", "addDir"),
                List.of(
                        toggle("--last", "Resume the most recent session").only(RESUME),
                        value("--model", "Model"),
                        choice("--sandbox", "Sandbox policy for model-generated commands",
                                List.of("read-only", "workspace-write", "danger-full-access")).only(EXEC),
                        toggle("--dangerously-bypass-approvals-and-sandbox", "No approvals, no sandbox"),
                        toggle("--json", "JSONL events on stdout"),
                        toggle("--skip-git-repo-check", "Allow running outside a Git repository"),
                        value("--output-schema", "JSON Schema file of the final response").only(EXEC),
                        value("--profile", "Configuration profile").only(EXEC),
                        matching("-c", "Configuration override key=value", "^[a-zA-Z0-9._]+=([^\\r\\n]*)$")
                                .only(EXEC, FORK),
                        toggle("--ephemeral", "Do not persist session files"),
                        value("-i", "Image to attach"),
                        toggle("--ignore-user-config", "Do not load $CODEX_HOME/config.toml"),
                        toggle("--ignore-rules", "Do not load execpolicy .rules files"),
                        value("--add-dir", "Additional directory writable alongside the workspace (addDir)")
                                .only(EXEC)),
                List.of(), 1, 1,
                List.of(new Subcommand(RESUME, 1, 2, "exec resume [--last | <id>] <prompt>"),
                        new Subcommand(FORK, 2, 2, "exec fork <id> <prompt>")),
                List.of(
                        pass("codex-new", "a new session", "exec", "--skip-git-repo-check", "hello"),
                        pass("codex-resume-id", "resume by id", "exec", "resume", "--skip-git-repo-check",
                                "0199a213-81c0-7800-8aa1-bbab2a035a53", "hello"),
                        pass("codex-resume-last", "resume the latest", "exec", "resume", "--last",
                                "--skip-git-repo-check", "hello"),
                        pass("codex-fork", "fork a session", "exec", "fork", "-c", "sandbox_mode=\"read-only\"",
                                "--skip-git-repo-check", "0199a213-81c0-7800-8aa1-bbab2a035a53", "hello"),
                        fail("codex-no-exec", "argv must start with exec", "--skip-git-repo-check", "hello"),
                        fail("codex-resume-sandbox", "resume forbids --sandbox", "exec", "resume", "--last",
                                "--sandbox", "read-only", "hello"),
                        fail("codex-last-outside-resume", "--last only in resume", "exec", "--last", "hello"),
                        fail("codex-bad-override", "-c needs key=value without newlines", "exec", "-c",
                                "bad key=1", "hello"),
                        fail("codex-full-auto", "today's exec has no --full-auto", "exec", "--full-auto", "hello"),
                        fail("codex-fork-without-id", "fork needs a session id and a prompt", "exec", "fork",
                                "hello")));
    }
}
