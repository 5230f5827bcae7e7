package com.verivus.gateway.provider;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a provider adapter hands to the job engine: everything needed to spawn one CLI run, already
 * checked against the CLI's upstream contract. The engine knows nothing else about the request.
 *
 * @param cli the provider
 * @param args argv after the executable, in the exact order the adapter built
 * @param env extra environment variables (only Mistral sets one: VIBE_ACTIVE_MODEL); part of the dedup key
 * @param outputFormat the requested output format (text, json, stream-json, ...), or null; stored on the job
 * @param idleTimeoutMs kill after this long without output; null or 0 = no idle timeout
 * @param tempFiles files the run owns (e.g. a Codex output schema) to delete exactly once when it ends
 * @param continuesConversation true for --continue / --resume latest style runs, which are never deduplicated
 * @param workingDir the directory the CLI runs in (absolute), or null for the gateway's own; review_changes
 *                   sets it to the repository root. Not part of the dedup key: callers that set it start
 *                   their jobs with forceRefresh.
 */
public record CliInvocation(CliName cli, List<String> args, Map<String, String> env, String outputFormat,
                            Long idleTimeoutMs, List<Path> tempFiles, boolean continuesConversation,
                            Path workingDir) {

    public CliInvocation {
        Objects.requireNonNull(cli, "cli");
        args = List.copyOf(args);
        env = env == null ? Map.of() : Map.copyOf(env);
        tempFiles = tempFiles == null ? List.of() : List.copyOf(tempFiles);
        if (workingDir != null && !workingDir.isAbsolute()) {
            throw new IllegalArgumentException("workingDir must be absolute: " + workingDir);
        }
    }

    /** In the gateway's own working directory. */
    public CliInvocation(CliName cli, List<String> args, Map<String, String> env, String outputFormat,
                         Long idleTimeoutMs, List<Path> tempFiles, boolean continuesConversation) {
        this(cli, args, env, outputFormat, idleTimeoutMs, tempFiles, continuesConversation, null);
    }
}
