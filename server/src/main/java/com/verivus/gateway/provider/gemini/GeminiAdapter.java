package com.verivus.gateway.provider.gemini;

import com.verivus.gateway.provider.ArgumentGuards;
import com.verivus.gateway.provider.CliInvocation;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.McpServerName;
import com.verivus.gateway.provider.McpServersReport;
import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.provider.PreparedRun;
import com.verivus.gateway.provider.SessionMode;
import com.verivus.gateway.provider.SessionPlan;
import com.verivus.gateway.provider.contract.UpstreamContracts;
import java.util.List;
import java.util.Map;

/** Turns a gemini_request into a contract-checked {@link CliInvocation} of {@code gemini}. */
public final class GeminiAdapter {

    private GeminiAdapter() {
    }

    /** Gemini's session plan does not depend on the active session (a fresh run gets its own UUID). */
    public static PreparedRun prepare(GeminiRequest r, PrepareContext ctx) {
        GeminiRequest.Options o = r.options();
        ArgumentGuards.rejectOptionLike(o.allowedTools(), "allowedTools");
        ArgumentGuards.rejectOptionLike(McpServerName.keys(r.shared().mcpServers()), "mcpServers");
        ArgumentGuards.rejectOptionLike(o.includeDirs(), "includeDirs");
        ArgumentGuards.rejectOptionLike(o.policyFiles(), "policyFiles");
        ArgumentGuards.rejectOptionLike(o.adminPolicyFiles(), "adminPolicyFiles");
        ArgumentGuards.requireExisting(o.policyFiles(), "policyFiles", ctx.env().workingDirectory());
        ArgumentGuards.requireExisting(o.adminPolicyFiles(), "adminPolicyFiles", ctx.env().workingDirectory());
        ArgumentGuards.requireAbsoluteExisting(o.attachments(), "attachments");
        SessionPlan session = GeminiSessionPlanner.plan(r.session(), ctx.ids());
        List<String> args = GeminiArgv.build(r, session);
        CliInvocation invocation = new CliInvocation(CliName.GEMINI, args, Map.of(), o.outputFormat(),
                r.shared().effectiveIdleTimeoutMs(), List.of(), session.continuesConversation());
        if (session.mode() == SessionMode.FRESH) {
            // the UUID minted for this run differs on every call; identical requests must still dedup
            invocation = invocation.withFreshIdAt(freshIdIndex(args, session.effectiveSessionId()));
        }
        UpstreamContracts.assertConforms(invocation);
        return new PreparedRun(invocation, session, McpServersReport.requestedOnly(r.shared().mcpServers()), List.of());
    }

    private static int freshIdIndex(List<String> args, String id) {
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("--session-id") && args.get(i + 1).equals(id)) {
                return i + 1;
            }
        }
        throw new IllegalStateException("the fresh Gemini session id is missing from the argv");
    }
}
