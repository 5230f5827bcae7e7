package com.verivus.gateway.provider.grok;

import com.verivus.gateway.provider.ArgumentGuards;
import com.verivus.gateway.provider.CliInvocation;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.McpServersReport;
import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.provider.PreparedRun;
import com.verivus.gateway.provider.ResumeContinuePlanner;
import com.verivus.gateway.provider.SessionPlan;
import com.verivus.gateway.provider.contract.UpstreamContracts;
import java.util.List;
import java.util.Map;

/** Turns a grok_request into a contract-checked {@link CliInvocation} of {@code grok}. */
public final class GrokAdapter {

    static final String DESCRIPTION = "Grok Session";

    private GrokAdapter() {
    }

    public static PreparedRun prepare(GrokRequest r, PrepareContext ctx) {
        GrokRequest.Options o = r.options();
        ArgumentGuards.rejectOptionLike(o.allowedTools(), "allowedTools");
        ArgumentGuards.rejectOptionLike(o.disallowedTools(), "disallowedTools");
        ArgumentGuards.rejectOptionLike(o.reasoningEffort(), "reasoningEffort");
        ArgumentGuards.rejectLeadingDash(r.shared().prompt(), "prompt", CliName.GROK);
        ArgumentGuards.rejectLeadingDash(r.shared().model(), "model", CliName.GROK);
        ArgumentGuards.rejectLeadingDash(r.session().sessionId(), "sessionId", CliName.GROK);
        SessionPlan session = ResumeContinuePlanner.plan(CliName.GROK, DESCRIPTION, r.session(), ctx.ids());
        List<String> args = GrokArgv.build(r, session);
        CliInvocation invocation = new CliInvocation(CliName.GROK, args, Map.of(),
                o.outputFormat() == null ? null : o.outputFormat().key(), r.shared().effectiveIdleTimeoutMs(),
                List.of(), session.continuesConversation());
        UpstreamContracts.assertConforms(invocation);
        return new PreparedRun(invocation, session, McpServersReport.requestedOnly(r.shared().mcpServers()), List.of());
    }
}
