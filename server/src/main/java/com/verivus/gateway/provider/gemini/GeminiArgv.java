package com.verivus.gateway.provider.gemini;

import com.verivus.gateway.provider.FlagValue;
import com.verivus.gateway.provider.McpServerName;
import com.verivus.gateway.provider.SessionPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The gemini argv in §3.3 order: {@code -p "@/abs … <prompt>"}, model, approval mode, one flag per
 * allowed tool / MCP server / include dir, -s, one flag per policy file, -o json, session arguments.
 */
final class GeminiArgv {

    private GeminiArgv() {
    }

    static List<String> build(GeminiRequest r, SessionPlan session) {
        GeminiRequest.Options o = r.options();
        List<String> a = new ArrayList<>();
        StringBuilder prompt = new StringBuilder();
        for (String attachment : o.attachments()) {
            prompt.append('@').append(attachment).append(' ');
        }
        prompt.append(r.shared().prompt());
        // yargs refuses "-p -x" ("Not enough arguments following: p") and takes "-p=-x" as the prompt
        FlagValue.append(a, "-p", prompt.toString());
        if (r.shared().model() != null) {
            FlagValue.append(a, "--model", r.shared().model());
        }
        if (r.shared().mcpManaged()) {
            a.add("--approval-mode");
            a.add(GeminiApprovalMode.YOLO.key());
        } else if (o.approvalMode() != null) {
            a.add("--approval-mode");
            a.add(o.approvalMode().key());
        }
        for (String tool : o.allowedTools()) {
            a.add("--allowed-tools");
            a.add(tool);
        }
        for (McpServerName server : r.shared().mcpServers()) {
            a.add("--allowed-mcp-server-names");
            a.add(server.key());
        }
        for (String dir : o.includeDirs()) {
            a.add("--include-directories");
            a.add(dir);
        }
        if (o.sandbox()) {
            a.add("-s");
        }
        for (String p : o.policyFiles()) {
            a.add("--policy");
            a.add(p);
        }
        for (String p : o.adminPolicyFiles()) {
            a.add("--admin-policy");
            a.add(p);
        }
        if (o.json()) {
            a.add("-o");
            a.add("json");
        }
        a.addAll(session.args());
        return a;
    }
}
