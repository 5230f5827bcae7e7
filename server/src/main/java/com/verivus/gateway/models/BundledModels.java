package com.verivus.gateway.models;

import com.verivus.gateway.provider.CliName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models the gateway knows without any configuration: the Node gateway 1.5.14's bundled list,
 * with the same names, descriptions and defaults, so list_models answers the same on a clean machine.
 */
final class BundledModels {

    private BundledModels() {
    }

    static CliInfoDraft draft(CliName cli) {
        return switch (cli) {
            case CLAUDE -> new CliInfoDraft(
                    "Anthropic's Claude Code CLI - best for code generation, analysis, and agentic coding tasks",
                    models(
                            "opus", "Most capable model. Best for: complex reasoning, nuanced analysis, difficult "
                                    + "problems, research",
                            "sonnet", "Balanced performance. Best for: everyday coding, code review, general tasks "
                                    + "(default)",
                            "haiku", "Fastest model. Best for: simple queries, quick answers, high-volume tasks, "
                                    + "cost-sensitive use"),
                    "sonnet", List.of("opus", "sonnet", "haiku"));
            case CODEX -> new CliInfoDraft(
                    "OpenAI's Codex CLI - best for code execution in sandboxed environments",
                    models(
                            "gpt-5.5", "Latest Codex frontier model. Best for: most Codex tasks (default since U26)",
                            "gpt-5.4", "Frontier coding and professional-work model. Best for: long-running "
                                    + "agentic work",
                            "gpt-5.3-codex", "Legacy specialized Codex model (kept for backwards-compat). Best for: "
                                    + "agentic coding workflows with Codex-tuned behavior",
                            "gpt-5.2", "Strong general-purpose GPT-5 model. Best for: broad coding and reasoning "
                                    + "tasks",
                            "gpt-5-pro", "Highest-capability GPT-5 model. Best for: deep reasoning and difficult "
                                    + "professional workflows"),
                    "gpt-5.5", List.of("gpt-5.5", "gpt-5.4", "gpt-5.3-codex", "gpt-5.2", "gpt-5-pro"));
            case GEMINI -> new CliInfoDraft(
                    "Google's Gemini CLI - best for multimodal tasks and Google ecosystem integration",
                    models(
                            "gemini-2.5-pro", "Most capable model. Best for: complex reasoning, long context, "
                                    + "multimodal",
                            "gemini-2.5-flash", "Fast model. Best for: quick responses, high throughput, "
                                    + "cost-sensitive use"),
                    null, null);
            // no bundled default: Grok picks its own unless GROK_DEFAULT_MODEL says otherwise
            case GROK -> new CliInfoDraft(
                    "xAI's Grok Build CLI - best for agentic coding tasks via xAI's Grok models",
                    models("grok-build", "Default Grok model for code/agentic tasks. Best for: most Grok build "
                            + "sessions"),
                    null, List.of("grok-build"));
            // Vibe has no --model flag; the resolved model travels in VIBE_ACTIVE_MODEL
            case MISTRAL -> new CliInfoDraft(
                    "Mistral AI's Vibe CLI - agentic coding via Mistral models (model selection via "
                            + "VIBE_ACTIVE_MODEL env var)",
                    models(
                            "devstral-medium", "Default Vibe coding model. Best for: most Vibe sessions (default "
                                    + "when VIBE_ACTIVE_MODEL is unset)",
                            "devstral-large", "Higher-capability Devstral model. Best for: harder "
                                    + "reasoning/coding tasks",
                            "mistral-large-latest", "General-purpose flagship Mistral model. Best for: "
                                    + "non-Devstral reasoning workloads"),
                    "devstral-medium", List.of("devstral-medium", "devstral-large", "mistral-large-latest"));
        };
    }

    private static Map<String, String> models(String... nameDescriptionPairs) {
        Map<String, String> models = new LinkedHashMap<>();
        for (int i = 0; i < nameDescriptionPairs.length; i += 2) {
            models.put(nameDescriptionPairs[i], nameDescriptionPairs[i + 1]);
        }
        return models;
    }
}
