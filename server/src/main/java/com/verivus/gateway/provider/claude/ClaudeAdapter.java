package com.verivus.gateway.provider.claude;

import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.provider.ArgumentGuards;
import com.verivus.gateway.provider.CliInvocation;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.McpServersReport;
import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.provider.PreparedRun;
import com.verivus.gateway.provider.ProviderRequestException;
import com.verivus.gateway.provider.SessionPlan;
import com.verivus.gateway.provider.contract.UpstreamContracts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a claude_request into a contract-checked {@link CliInvocation} of {@code claude}. */
public final class ClaudeAdapter {

    private ClaudeAdapter() {
    }

    /**
     * Validates the request, writes the generated MCP config, plans the session and builds the argv.
     *
     * @param activeSessionId the active Claude session of the session store
     * @throws ProviderRequestException for bad input (exact §1.2 messages)
     * @throws ClaudeMcpConfigException when the MCP config cannot be prepared
     */
    public static PreparedRun prepare(ClaudeRequest r, Optional<String> activeSessionId, PrepareContext ctx) {
        ClaudeRequest.Options o = r.options();
        validate(r);
        ClaudeMcpConfig.Prepared mcp = ClaudeMcpConfig.prepare(r.shared().mcpServers(), o.strictMcpConfig(),
                ctx.env(), ctx.dataDirectory());
        SessionPlan session = ClaudeSessionPlanner.plan(r.session(), activeSessionId);
        List<String> warnings = new ArrayList<>();
        List<String> args = ClaudeArgv.build(r, mcp.path(), session, warnings);
        warnings.forEach(GatewayLog::warn);
        Long idle = o.outputFormat() == ClaudeOutputFormat.STREAM_JSON ? r.shared().effectiveIdleTimeoutMs() : null;
        CliInvocation invocation = new CliInvocation(CliName.CLAUDE, args, Map.of(), o.outputFormat().key(), idle,
                List.of(), session.continuesConversation());
        UpstreamContracts.assertConforms(invocation);
        return new PreparedRun(invocation, session,
                new McpServersReport(mcp.requested(), mcp.enabled(), mcp.missing()), warnings);
    }

    static void validate(ClaudeRequest r) {
        ClaudeRequest.Options o = r.options();
        ArgumentGuards.rejectOptionLike(o.allowedTools(), "allowedTools");
        ArgumentGuards.rejectOptionLike(o.disallowedTools(), "disallowedTools");
        if (o.systemPrompt() != null && o.appendSystemPrompt() != null) {
            throw new ProviderRequestException("systemPrompt and appendSystemPrompt are mutually exclusive; "
                    + "use one or the other (not both).");
        }
        Double budget = o.maxBudgetUsd();
        if (budget != null && (!(budget > 0) || budget.isInfinite())) {
            throw new ProviderRequestException("maxBudgetUsd must be a positive number");
        }
        if (o.maxTurns() != null && o.maxTurns() <= 0) {
            throw new ProviderRequestException("maxTurns must be a positive integer");
        }
        AgentDefinitions.validate(o.agents());
    }
}
