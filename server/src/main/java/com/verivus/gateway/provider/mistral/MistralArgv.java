package com.verivus.gateway.provider.mistral;

import com.verivus.gateway.provider.SessionPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The vibe argv in §3.5 order: -p, output format, --agent (auto-approve under mcp_managed, else the
 * permission mode, default auto-approve), effort, reasoning effort, one --enabled-tools per tool, session.
 * vibe has no --model: the model goes through VIBE_ACTIVE_MODEL.
 */
final class MistralArgv {

    private MistralArgv() {
    }

    static List<String> build(MistralRequest r, SessionPlan session) {
        MistralRequest.Options o = r.options();
        List<String> a = new ArrayList<>(List.of("-p", r.shared().prompt()));
        if (o.outputFormat() != null) {
            a.add("--output-format");
            a.add(o.outputFormat().key());
        }
        a.add("--agent");
        a.add(r.shared().mcpManaged() || o.permissionMode() == null ? MistralPermissionMode.AUTO_APPROVE.key()
                : o.permissionMode().key());
        if (o.effort() != null) {
            a.add("--effort");
            a.add(o.effort().key());
        }
        if (o.reasoningEffort() != null) {
            a.add("--reasoning-effort");
            a.add(o.reasoningEffort());
        }
        for (String tool : o.allowedTools()) {
            a.add("--enabled-tools");
            a.add(tool);
        }
        a.addAll(session.args());
        return a;
    }
}
