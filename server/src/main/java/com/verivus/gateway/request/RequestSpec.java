package com.verivus.gateway.request;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One provider request as a tool hands it to the {@link RequestPipeline}.
 *
 * @param operation the tool name (claude_request, codex_request_async, codex_fork_session, ...): it names
 *                  the request in approval records, denial messages and async error results
 * @param call the provider request with the client's raw prompt and unresolved model
 * @param optimizePrompt rewrite the prompt more tersely before sending it
 * @param optimizeResponse rewrite the answer more tersely (sync tools, not for outputFormat json)
 * @param allowedTools the allowedTools parameter exactly as given (null when absent: an empty list is a
 *                     choice the review-integrity check scores)
 * @param disallowedTools the disallowedTools parameter as given, or null
 * @param workingDir where the CLI runs, already checked against the caller's workspace policy; null =
 *                   the gateway's own working directory
 * @param addDirs extra directories the CLI may use (its own flag), already checked; empty for none
 */
public record RequestSpec(String operation, ProviderCall call, boolean optimizePrompt, boolean optimizeResponse,
                          List<String> allowedTools, List<String> disallowedTools, Path workingDir,
                          List<Path> addDirs) {

    public RequestSpec {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(call, "call");
        allowedTools = allowedTools == null ? null : List.copyOf(allowedTools);
        disallowedTools = disallowedTools == null ? null : List.copyOf(disallowedTools);
        addDirs = addDirs == null ? List.of() : List.copyOf(addDirs);
    }

    /** A request run in the gateway's own working directory, without extra directories. */
    public RequestSpec(String operation, ProviderCall call, boolean optimizePrompt, boolean optimizeResponse,
                       List<String> allowedTools, List<String> disallowedTools) {
        this(operation, call, optimizePrompt, optimizeResponse, allowedTools, disallowedTools, null, List.of());
    }

    /** The same request in a checked working directory with checked extra directories. */
    public RequestSpec inWorkspace(Path dir, List<Path> extraDirs) {
        return new RequestSpec(operation, call, optimizePrompt, optimizeResponse, allowedTools, disallowedTools, dir,
                extraDirs);
    }
}
