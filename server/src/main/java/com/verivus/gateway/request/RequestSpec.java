package com.verivus.gateway.request;

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
 */
public record RequestSpec(String operation, ProviderCall call, boolean optimizePrompt, boolean optimizeResponse,
                          List<String> allowedTools, List<String> disallowedTools) {

    public RequestSpec {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(call, "call");
        allowedTools = allowedTools == null ? null : List.copyOf(allowedTools);
        disallowedTools = disallowedTools == null ? null : List.copyOf(disallowedTools);
    }
}
