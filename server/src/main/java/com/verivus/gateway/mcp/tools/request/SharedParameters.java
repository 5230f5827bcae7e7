package com.verivus.gateway.mcp.tools.request;

import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.InvalidArgumentsException;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.tools.WorkspaceParameters;
import com.verivus.gateway.provider.ApprovalPolicy;
import com.verivus.gateway.provider.ApprovalStrategy;
import com.verivus.gateway.provider.Effort;
import com.verivus.gateway.provider.McpServerName;
import com.verivus.gateway.provider.SharedRequest;
import com.verivus.gateway.provider.SharedRequestBuilder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The §1.1 parameter blocks every provider request tool shares (built once, included by each tool's
 * schema) and the code that reads them from a call.
 */
final class SharedParameters {

    static final List<String> MCP_SERVERS = Arrays.stream(McpServerName.values()).map(McpServerName::key).toList();
    static final List<String> EFFORTS = Arrays.stream(Effort.values()).map(Effort::key).toList();

    /** prompt and model: first in every request tool. */
    static final InputSchema PROMPT_AND_MODEL = InputSchema.builder()
            .string("prompt", "What to ask the CLI (1 to 100000 characters). It is passed as a single argument, never "
                    + "through a shell.", p -> p.required().length(1, SharedRequest.MAX_PROMPT_CHARS)
                    .message("minLength", "Prompt cannot be empty")
                    .message("maxLength", "Prompt too long (max 100k chars)"))
            .string("model", "Model name or alias for this CLI (list_models shows them); \"default\" or \"latest\" "
                    + "picks the configured default. Omit it to let the CLI use its own default.")
            .build();

    static final InputSchema CORRELATION_ID = InputSchema.builder()
            .string("correlationId", "Your id for this request, echoed in the result, the logs and the flight "
                    + "recorder; a random UUID when omitted.")
            .build();

    static final InputSchema OPTIMIZE_PROMPT = InputSchema.builder()
            .bool("optimizePrompt", "Rewrite the prompt more tersely before sending it (drops courtesy phrases, "
                    + "compacts lists and type notation, keeps code blocks). Saves tokens on long prose prompts.", false)
            .build();

    static final InputSchema OPTIMIZE_RESPONSE = InputSchema.builder()
            .bool("optimizeResponse", "Rewrite the answer more tersely before returning it (not applied when "
                    + "outputFormat is json).", false)
            .build();

    static final InputSchema APPROVAL = InputSchema.builder()
            .enumeration("approvalStrategy", "legacy: the CLI's own permission settings apply. mcp_managed: the "
                    + "gateway scores the request's risk (permission bypass, full-auto, MCP servers, risky prompt "
                    + "words, review-integrity findings) against approvalPolicy, records the decision in "
                    + "approvals.jsonl (see approval_list), refuses a risky request before anything runs, and runs "
                    + "an approved one without the CLI's interactive permission prompts.",
                    List.of("legacy", "mcp_managed"), "legacy")
            .enumeration("approvalPolicy", "Risk threshold for approvalStrategy mcp_managed: strict (score at most "
                    + "2), balanced (at most 5; the default unless LLM_GATEWAY_APPROVAL_POLICY says otherwise), "
                    + "permissive (at most 7).", List.of("strict", "balanced", "permissive"))
            .build();

    static final InputSchema FORCE_REFRESH = InputSchema.builder()
            .bool("forceRefresh", "Run the CLI again even when an identical request (same CLI, arguments, "
                    + "environment and workingDir) ran or is running within the dedup window (1 hour by default); without it such "
                    + "a request reuses that job and its output. Requests that continue a conversation are never "
                    + "reused.", false)
            .build();

    /** workingDir: every request tool. */
    static final InputSchema WORKING_DIR = InputSchema.builder()
            .string("workingDir", WorkspaceParameters.WORKING_DIR_DESCRIPTION)
            .build();

    /** workingDir and addDir: the tools of CLIs that have a flag for extra directories. */
    static InputSchema workspace(String addDirFlag) {
        return InputSchema.builder().include(WORKING_DIR)
                .stringArray("addDir", "Extra directories (absolute paths) the CLI may also use besides workingDir, "
                        + "passed as " + addDirFlag + ". Same rules as workingDir: each must exist, and over HTTP "
                        + "lie under an allowed root.")
                .build();
    }

    private SharedParameters() {
    }

    static InputSchema idleTimeout(String note) {
        return InputSchema.builder()
                .integer("idleTimeoutMs", "Stop the CLI (exit 125) after this many milliseconds without any output: "
                        + "30000 to 3600000, default 600000 (10 minutes)." + note,
                        p -> p.range(SharedRequest.MIN_IDLE_TIMEOUT_MS, SharedRequest.MAX_IDLE_TIMEOUT_MS))
                .build();
    }

    static InputSchema mcpServers(String what) {
        return InputSchema.builder()
                .stringArray("mcpServers", what + " Any of sqry, exa, ref_tools, trstr; default none: the CLI "
                        + "then has only the MCP servers configured in its own settings (duplicates are dropped). A "
                        + "server that is not installed is reported under mcpServers.missing. exa needs EXA_API_KEY "
                        + "and ref_tools REF_API_KEY in the gateway's environment.",
                        p -> p.allowed(MCP_SERVERS))
                .build();
    }

    /** sessionId / resumeLatest / createNewSession with this CLI's meaning. */
    static InputSchema sessionTrio(String sessionId, String resumeLatest, String createNewSession) {
        return InputSchema.builder()
                .string("sessionId", sessionId)
                .bool("resumeLatest", resumeLatest, false)
                .bool("createNewSession", createNewSession, false)
                .build();
    }

    /** Reads the §1.1 fields into a request builder; the session trio is read by {@link #session}. */
    static <B extends SharedRequestBuilder<B>> B shared(B b, ToolCall c) {
        return b.model(c.string("model").orElse(null))
                .correlationId(c.string("correlationId").orElse(null))
                .approvalStrategy(c.string("approvalStrategy").map(ApprovalStrategy::fromKey).orElse(null))
                .approvalPolicy(c.string("approvalPolicy").map(ApprovalPolicy::fromKey).orElse(null))
                .mcpServers(McpServerName.normaliseKeys(c.strings("mcpServers").orElse(null)))
                .idleTimeoutMs(c.integer("idleTimeoutMs").orElse(null))
                .forceRefresh(c.bool("forceRefresh"));
    }

    /** sessionId, the continue flag (resumeLatest, or Claude's continueSession) and createNewSession. */
    static <B extends SharedRequestBuilder<B>> B session(B b, ToolCall c, String continueParam) {
        return b.sessionId(c.string("sessionId").orElse(null)).continueLatest(c.bool(continueParam))
                .createNewSession(c.bool("createNewSession"));
    }

    static <E> E enumValue(ToolCall c, String name, Function<String, E> parse) {
        return c.string(name).map(parse).orElse(null);
    }

    /** A JSON object whose values must all be strings (configOverrides). */
    static Map<String, String> stringMap(ToolCall c, String name) {
        Map<String, Object> raw = c.object(name).orElse(null);
        if (raw == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> {
            if (!(v instanceof String s)) {
                throw new InvalidArgumentsException(name + ": the value of \"" + k + "\" must be a string");
            }
            out.put(k, s);
        });
        return out;
    }

    /**
     * A request tool's full parameter list in the Node gateway's order: prompt and model, the provider's
     * own blocks (session fields, flags), correlation id, optimisation (optimizeResponse only on sync
     * tools), then the provider's tail (idle timeout, approval, MCP servers, forceRefresh).
     */
    static InputSchema requestSchema(boolean sync, InputSchema tail, InputSchema... providerBlocks) {
        InputSchema.Builder b = InputSchema.builder().include(PROMPT_AND_MODEL);
        for (InputSchema block : providerBlocks) {
            b.include(block);
        }
        b.include(CORRELATION_ID).include(OPTIMIZE_PROMPT);
        if (sync) {
            b.include(OPTIMIZE_RESPONSE);
        }
        return b.include(tail).build();
    }
}
