package com.verivus.gateway.approval;

import com.verivus.gateway.provider.ApprovalPolicy;
import com.verivus.gateway.provider.CliName;
import java.util.List;
import java.util.Map;

/**
 * What the approval gate scores for one mcp_managed request.
 *
 * @param operation the tool name, e.g. claude_request
 * @param policy the request's approvalPolicy, or null for the gateway default
 * @param bypassRequested the request asks to skip permission prompts (per-CLI meaning, see the request tools)
 * @param allowedTools null when not given
 * @param disallowedTools null when not given
 */
public record ApprovalRequest(CliName cli, String operation, String prompt, ApprovalPolicy policy,
                              boolean bypassRequested, boolean fullAuto, List<String> mcpServers,
                              List<String> allowedTools, List<String> disallowedTools, Map<String, Object> metadata) {

    public ApprovalRequest {
        mcpServers = mcpServers == null ? List.of() : List.copyOf(mcpServers);
        metadata = metadata == null ? Map.of() : metadata;
    }
}
