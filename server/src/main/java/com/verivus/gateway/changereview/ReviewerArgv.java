package com.verivus.gateway.changereview;

import com.verivus.gateway.provider.CliInvocation;
import com.verivus.gateway.provider.CliName;
import java.nio.file.Path;
import java.util.List;

/**
 * The argv of a change reviewer (and of the judge): the prompt, and each CLI's read-only mode, so a
 * reviewer can read the repository but never edit it or approve a write. Checked against the captured
 * {@code --help} of each CLI (server/src/test/resources/upstream-help/):
 * <ul>
 *   <li>Claude Code: {@code --permission-mode plan} (plan mode: read-only tools, no edits);</li>
 *   <li>Codex: {@code exec --sandbox read-only} (model-generated commands cannot write; exec never asks
 *       for approval, so nothing can be approved);</li>
 *   <li>Gemini CLI: {@code --approval-mode plan} ("plan (read-only mode)" in its help);</li>
 *   <li>Grok CLI: {@code --permission-mode plan} — not on npm, no captured help; the gateway's Grok
 *       contract lists plan among its permission modes, and plan is the most restrictive one it has;</li>
 *   <li>Mistral Vibe: {@code --agent plan} — not on npm either; the gateway's Mistral contract lists the
 *       plan agent profile, the read-only one.</li>
 * </ul>
 * The working directory is the repository root.
 */
public final class ReviewerArgv {

    private ReviewerArgv() {
    }

    public static List<String> of(CliName cli, String prompt) {
        return switch (cli) {
            case CLAUDE -> List.of("-p", prompt, "--permission-mode", "plan");
            case CODEX -> List.of("exec", "--sandbox", "read-only", "--skip-git-repo-check", prompt);
            case GEMINI -> List.of("-p", prompt, "--approval-mode", "plan");
            case GROK -> List.of("-p", prompt, "--permission-mode", "plan");
            case MISTRAL -> List.of("-p", prompt, "--agent", "plan");
        };
    }

    /** The job engine's view: no env, no output format, no idle timeout, in the repository root. */
    public static CliInvocation invocation(CliName cli, String prompt, Path repositoryRoot) {
        return new CliInvocation(cli, of(cli, prompt), null, null, null, List.of(), false, repositoryRoot);
    }
}
