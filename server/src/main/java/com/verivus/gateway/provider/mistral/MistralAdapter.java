package com.verivus.gateway.provider.mistral;

import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.provider.ArgumentGuards;
import com.verivus.gateway.provider.CliInvocation;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.McpServersReport;
import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.provider.PreparedRun;
import com.verivus.gateway.provider.ResumeContinuePlanner;
import com.verivus.gateway.provider.SessionPlan;
import com.verivus.gateway.provider.contract.UpstreamContracts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a mistral_request into a contract-checked {@link CliInvocation} of {@code vibe}. */
public final class MistralAdapter {

    /** The env var vibe reads its model from. */
    public static final String MODEL_ENV = "VIBE_ACTIVE_MODEL";
    /** The model used when the request names none (and the registry resolved none). */
    public static final String DEFAULT_MODEL = "devstral-medium";
    static final String DESCRIPTION = "Mistral Session";

    private MistralAdapter() {
    }

    public static PreparedRun prepare(MistralRequest r, PrepareContext ctx) {
        MistralRequest.Options o = r.options();
        ArgumentGuards.rejectOptionLike(o.allowedTools(), "allowedTools");
        ArgumentGuards.rejectOptionLike(o.reasoningEffort(), "reasoningEffort");
        ArgumentGuards.rejectLeadingDash(r.shared().prompt(), "prompt", CliName.MISTRAL);
        ArgumentGuards.rejectLeadingDash(r.session().sessionId(), "sessionId", CliName.MISTRAL);
        List<String> warnings = new ArrayList<>();
        if (!o.disallowedTools().isEmpty()) {
            String note = "Mistral does not support disallowedTools; ignoring "
                    + String.join(", ", o.disallowedTools());
            GatewayLog.info(note);
            warnings.add(note);
        }
        SessionPlan session = ResumeContinuePlanner.plan(CliName.MISTRAL, DESCRIPTION, r.session(), ctx.ids());
        List<String> args = MistralArgv.build(r, session);
        String model = r.shared().model() != null ? r.shared().model() : DEFAULT_MODEL;
        CliInvocation invocation = new CliInvocation(CliName.MISTRAL, args, Map.of(MODEL_ENV, model),
                o.outputFormat() == null ? null : o.outputFormat().key(), r.shared().effectiveIdleTimeoutMs(),
                List.of(), session.continuesConversation());
        UpstreamContracts.assertConforms(invocation);
        return new PreparedRun(invocation, session, McpServersReport.requestedOnly(r.shared().mcpServers()), warnings);
    }
}
