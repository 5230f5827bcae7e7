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
        GrokRequest.Options o = r.options();
        List<String> a = new ArrayList<>(List.of("-p", r.shared().prompt()));
        if (r.shared().model() != null) {
            a.add("--model");
            a.add(r.shared().model());
        }
        if (o.outputFormat() != null) {
            a.add("--output-format");
            a.add(o.outputFormat().key());
        }
        if (r.shared().mcpManaged() || o.alwaysApprove()) {
            a.add("--always-approve");
        } else if (o.permissionMode() != null) {
            a.add("--permission-mode");
            a.add(o.permissionMode().key());
        }
        if (o.effort() != null) {
            a.add("--effort");
            a.add(o.effort().key());
        }
        if (o.reasoningEffort() != null) {
            a.add("--reasoning-effort");
            a.add(o.reasoningEffort());
        }
        if (!o.allowedTools().isEmpty()) {
            a.add("--tools");
            a.add(String.join(",", o.allowedTools()));
        }
        if (!o.disallowedTools().isEmpty()) {
            a.add("--disallowed-tools");
            a.add(String.join(",", o.disallowedTools()));
        }
        a.addAll(session.args());
        return a;
    }
}
