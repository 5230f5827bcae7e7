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
        List<String> a = new ArrayList<>(List.of("-p", r.shared().prompt()));
        if (r.outputFormat() != null) {
            a.add("--output-format");
            a.add(r.outputFormat().key());
        }
        a.add("--agent");
        a.add(r.shared().mcpManaged() || r.permissionMode() == null ? MistralPermissionMode.AUTO_APPROVE.key()
                : r.permissionMode().key());
        if (r.effort() != null) {
            a.add("--effort");
            a.add(r.effort().key());
        }
        if (r.reasoningEffort() != null) {
            a.add("--reasoning-effort");
            a.add(r.reasoningEffort());
        }
        for (String tool : r.allowedTools()) {
            a.add("--enabled-tools");
            a.add(tool);
        }
        a.addAll(session.args());
        return a;
    }
}
