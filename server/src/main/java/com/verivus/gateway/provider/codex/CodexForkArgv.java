package com.verivus.gateway.provider.codex;

import com.verivus.gateway.provider.FlagValue;
import java.util.ArrayList;
import java.util.List;

/**
 * codex_fork_session argv: {@code exec fork [--model m] [-c sandbox_mode="m"] [-c approval_policy="a"]
 * --skip-git-repo-check [--] <thread> <prompt>}. {@code codex fork} is the interactive TUI and cannot run
 * headless; {@code codex exec fork} is its non-interactive twin, which takes sandbox and approval as -c.
 */
final class CodexForkArgv {

    private CodexForkArgv() {
    }

    static List<String> build(CodexForkRequest r, String thread) {
        CodexForkRequest.Options o = r.options();
        List<String> a = new ArrayList<>(List.of("exec", "fork"));
        if (r.shared().model() != null) {
            FlagValue.append(a, "--model", r.shared().model());
        }
        if (o.sandboxMode() != null) {
            a.add("-c");
            a.add(CodexOverrides.quoted("sandbox_mode", o.sandboxMode().key()));
        }
        if (o.askForApproval() != null) {
            a.add("-c");
            a.add(CodexOverrides.quoted("approval_policy", o.askForApproval().key()));
        }
        a.add("--skip-git-repo-check");
        CodexArgv.appendPositionals(a, false, thread, r.shared().prompt());
        return a;
    }
}
