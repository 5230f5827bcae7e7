package com.verivus.gateway.provider.codex;

import com.verivus.gateway.provider.FlagValue;
import com.verivus.gateway.provider.SessionMode;
import com.verivus.gateway.provider.SessionPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The codex argv in §3.2 order, in today's spelling: {@code exec [resume (--last | )] [--model m]
 * [sandbox: --sandbox m, -c approval_policy="a"; new sessions only] [--dangerously-bypass-approvals-and-sandbox]
 * [--json] --skip-git-repo-check [high-impact] [--] [<thread>] <prompt>}. Resume keeps only --ephemeral,
 * -i, --ignore-user-config and --ignore-rules of the high-impact flags.
 */
final class CodexArgv {

    private CodexArgv() {
    }

    static List<String> build(CodexRequest r, SessionPlan session, Path schemaFile, List<String> warnings) {
        CodexRequest.Options o = r.options();
        boolean resume = session.mode() != SessionMode.FRESH;
        List<String> a = new ArrayList<>();
        a.add("exec");
        String thread = null;
        if (resume) {
            a.add("resume");
            if (session.mode() == SessionMode.CONTINUE_LATEST) {
                a.add("--last");
            } else {
                thread = session.upstreamSessionId();
            }
        }
        if (r.shared().model() != null) {
            FlagValue.append(a, "--model", r.shared().model()); // clap refuses "--model -x"
        }
        if (!resume) {
            a.addAll(sandboxFlags(o.fullAuto(), o.useLegacyFullAutoFlag(), o.sandboxMode(), o.askForApproval(),
                    warnings));
        }
        if (o.dangerouslyBypassApprovalsAndSandbox()) {
            a.add("--dangerously-bypass-approvals-and-sandbox");
        }
        if (o.outputFormat() == CodexOutputFormat.JSON) {
            a.add("--json");
        }
        a.add("--skip-git-repo-check");
        boolean variadicLast = false;
        if (!resume) {
            if (schemaFile != null) {
                a.add("--output-schema");
                a.add(schemaFile.toString());
            } else if (o.outputSchema() instanceof String path) {
                a.add("--output-schema");
                a.add(path);
            }
            if (o.search()) {
                // exec has no --search today; this is the setting it stands for.
                a.add("-c");
                a.add(CodexOverrides.quoted("web_search", "live"));
            }
            if (o.profile() != null) {
                a.add("--profile");
                a.add(o.profile());
            }
            if (o.configOverrides() != null) {
                for (Map.Entry<String, String> e : o.configOverrides().entrySet()) {
                    a.add("-c");
                    a.add(e.getKey() + "=" + e.getValue());
                }
            }
        } else if (o.profile() != null) {
            warnings.add("codex exec resume has no --profile; profile \"" + o.profile() + "\" is not applied");
        }
        if (o.ephemeral()) {
            a.add("--ephemeral");
        }
        if (o.images() != null) {
            for (String image : o.images()) {
                a.add("-i");
                a.add(image);
            }
            // exec's -i takes several files: without "--" it would swallow the prompt.
            variadicLast = !resume && !o.images().isEmpty();
        }
        if (o.ignoreUserConfig()) {
            a.add("--ignore-user-config");
            variadicLast = false;
        }
        if (o.ignoreRules()) {
            a.add("--ignore-rules");
            variadicLast = false;
        }
        appendPositionals(a, variadicLast, thread, r.shared().prompt());
        return a;
    }

    /** The sandbox and approval arguments of a new session (and of a fork). */
    static List<String> sandboxFlags(boolean fullAuto, boolean legacyFlag, CodexSandboxMode sandbox,
                                     CodexApprovalPolicy approval, List<String> warnings) {
        List<String> a = new ArrayList<>();
        if (legacyFlag && fullAuto) {
            // --full-auto is gone from codex exec; it stood for a workspace-write sandbox with on-request approvals.
            a.addAll(List.of("--sandbox", CodexSandboxMode.WORKSPACE_WRITE.key(),
                    "-c", CodexOverrides.quoted("approval_policy", CodexApprovalPolicy.ON_REQUEST.key())));
            return a;
        }
        if (sandbox != null || approval != null) {
            if (fullAuto) {
                warnings.add("fullAuto is ignored because sandboxMode/askForApproval were given");
            }
            if (sandbox != null) {
                a.add("--sandbox");
                a.add(sandbox.key());
            }
            if (approval != null) {
                a.add("-c");
                a.add(CodexOverrides.quoted("approval_policy", approval.key()));
            }
            return a;
        }
        if (fullAuto) {
            a.addAll(List.of("--sandbox", CodexSandboxMode.WORKSPACE_WRITE.key(),
                    "-c", CodexOverrides.quoted("approval_policy", CodexApprovalPolicy.NEVER.key())));
        }
        return a;
    }

    /** Thread id (if any) and prompt, after "--" when a flag before them could take them, or one looks like a flag. */
    static void appendPositionals(List<String> a, boolean variadicLast, String thread, String prompt) {
        boolean dashed = prompt.startsWith("-") || thread != null && thread.startsWith("-");
        if (variadicLast || dashed) {
            a.add("--");
        }
        if (thread != null) {
            a.add(thread);
        }
        a.add(prompt);
    }
}
