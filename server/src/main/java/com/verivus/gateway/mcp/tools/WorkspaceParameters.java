package com.verivus.gateway.mcp.tools;

import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.workspace.WorkingDirectoryPolicy;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code workingDir} and {@code addDir} parameters every tool that runs a CLI shares: their
 * description, and reading them from a call through the workspace policy of the call's transport, so
 * a refused or missing directory is an error before anything is spawned or recorded.
 */
public final class WorkspaceParameters {

    public static final String WORKING_DIR_DESCRIPTION = "Absolute path of the directory the CLI runs in (its "
            + "project: files it reads and edits, git repository, project instructions). Omit it to run in the "
            + "gateway's own working directory. It must exist. Over HTTP it must lie under one of the gateway's "
            + "allowed roots ([workspace] allowedRoots in config.toml, LLM_GATEWAY_ALLOWED_ROOTS), after symbolic "
            + "links and '..' are resolved; a gateway without roots refuses it over HTTP. The same prompt in two "
            + "directories is two separate requests (no dedup between them).";

    private final WorkingDirectoryPolicy policy;

    public WorkspaceParameters(WorkingDirectoryPolicy policy) {
        this.policy = policy;
    }

    /** The checked real path of {@code workingDir}, or null when the call has none. */
    public Path workingDir(ToolCall call) {
        return call.string("workingDir").map(d -> policy.resolve(d, call.origin(), "workingDir")).orElse(null);
    }

    /** The checked real paths of {@code addDir}, empty when the call has none. */
    public List<Path> addDirs(ToolCall call) {
        return policy.resolveAll(call.strings("addDir").orElse(null), call.origin(), "addDir");
    }
}
