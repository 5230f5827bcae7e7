package com.verivus.gateway.provider;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 * @param keyArgs the argv as it enters the dedup key: {@code args} with a session id the gateway minted for
 *                this run replaced by a placeholder, so that identical requests find each other (null = args)
 * @param workingDir the directory the CLI runs in, absolute and already checked against the caller's
 *                   workspace policy; null = the gateway's own working directory. Part of the dedup key
 *                   when set (the same prompt in two repositories is two jobs)
 */
public record CliInvocation(CliName cli, List<String> args, Map<String, String> env, String outputFormat,
                            Long idleTimeoutMs, List<Path> tempFiles, boolean continuesConversation,
                            List<String> keyArgs, Path workingDir) {

    /** Placeholder for a freshly minted session id in {@link #keyArgs}. */
    public static final String FRESH_SESSION_ID = "<fresh-session-id>";

    public CliInvocation {
        Objects.requireNonNull(cli, "cli");
        args = List.copyOf(args);
        keyArgs = keyArgs == null ? args : List.copyOf(keyArgs);
        if (keyArgs.size() != args.size()) {
            throw new IllegalArgumentException("keyArgs must match args token for token");
        }
        env = env == null ? Map.of() : Map.copyOf(env);
        tempFiles = tempFiles == null ? List.of() : List.copyOf(tempFiles);
        if (workingDir != null && !workingDir.isAbsolute()) {
            throw new IllegalArgumentException("workingDir must be absolute: " + workingDir);
        }
    }

    /** An invocation run in the gateway's own working directory, its whole argv in the dedup key. */
    public CliInvocation(CliName cli, List<String> args, Map<String, String> env, String outputFormat,
                         Long idleTimeoutMs, List<Path> tempFiles, boolean continuesConversation) {
        this(cli, args, env, outputFormat, idleTimeoutMs, tempFiles, continuesConversation, (List<String>) null,
                (Path) null);
    }

    /** An invocation run in {@code workingDir} (null: the gateway's own), its whole argv in the dedup key. */
    public CliInvocation(CliName cli, List<String> args, Map<String, String> env, String outputFormat,
                         Long idleTimeoutMs, List<Path> tempFiles, boolean continuesConversation, Path workingDir) {
        this(cli, args, env, outputFormat, idleTimeoutMs, tempFiles, continuesConversation, null, workingDir);
    }

    /** The same invocation run in {@code dir} (null: the gateway's working directory). */
    public CliInvocation withWorkingDir(Path dir) {
        return new CliInvocation(cli, args, env, outputFormat, idleTimeoutMs, tempFiles, continuesConversation,
                keyArgs, dir);
    }

    /** The same run, with the token at {@code index} (a minted session id) left out of the dedup key. */
    public CliInvocation withFreshIdAt(int index) {
        List<String> key = new ArrayList<>(keyArgs);
        key.set(index, FRESH_SESSION_ID);
        return new CliInvocation(cli, args, env, outputFormat, idleTimeoutMs, tempFiles, continuesConversation, key,
                workingDir);
    }

    /**
     * The session id a reused job was started with, where this run carries its own minted one: identical keys
     * put it at the same position of the reused job's argv.
     */
    public Optional<String> freshIdIn(List<String> reusedArgs) {
        for (int i = 0; i < keyArgs.size() && i < reusedArgs.size(); i++) {
            if (FRESH_SESSION_ID.equals(keyArgs.get(i)) && !FRESH_SESSION_ID.equals(args.get(i))) {
                return Optional.of(reusedArgs.get(i));
            }
        }
        return Optional.empty();
    }
}
