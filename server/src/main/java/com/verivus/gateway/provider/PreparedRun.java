package com.verivus.gateway.provider;

import java.util.List;

/**
 * What an adapter's {@code prepare} returns: the contract-checked invocation for the job engine, the
 * session plan (whose bookkeeping the caller performs), the {@code mcpServers} response field, and
 * warnings the adapter also logged (e.g. "permissionMode wins").
 */
public record PreparedRun(CliInvocation invocation, SessionPlan session, McpServersReport mcpServers,
                          List<String> warnings) {

    public PreparedRun {
        warnings = List.copyOf(warnings);
    }
}
