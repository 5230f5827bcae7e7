package com.verivus.gateway.provider.grok;

import com.verivus.gateway.provider.SessionPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The grok argv in §3.4 order: -p, model, output format, --always-approve (mcp_managed or alwaysApprove)
 * else permission mode, effort, reasoning effort, --tools a,b, --disallowed-tools a,b, session arguments.
 */
final class GrokArgv {

    private GrokArgv() {
    }

    static List<String> build(GrokRequest r, SessionPlan session) {
        List<String> a = new ArrayList<>(List.of("-p", r.shared().prompt()));
        if (r.shared().model() != null) {
            a.add("--model");
            a.add(r.shared().model());
        }
        if (r.outputFormat() != null) {
            a.add("--output-format");
            a.add(r.outputFormat().key());
        }
        if (r.shared().mcpManaged() || r.alwaysApprove()) {
            a.add("--always-approve");
        } else if (r.permissionMode() != null) {
            a.add("--permission-mode");
            a.add(r.permissionMode().key());
        }
        if (r.effort() != null) {
            a.add("--effort");
            a.add(r.effort().key());
        }
        if (r.reasoningEffort() != null) {
            a.add("--reasoning-effort");
            a.add(r.reasoningEffort());
        }
        if (!r.allowedTools().isEmpty()) {
            a.add("--tools");
            a.add(String.join(",", r.allowedTools()));
        }
        if (!r.disallowedTools().isEmpty()) {
            a.add("--disallowed-tools");
            a.add(String.join(",", r.disallowedTools()));
        }
        a.addAll(session.args());
        return a;
    }
}
