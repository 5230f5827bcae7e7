package com.verivus.gateway.provider;

import com.verivus.gateway.provider.claude.ClaudeOutputParser;
import com.verivus.gateway.provider.claude.ClaudeResult;
import com.verivus.gateway.provider.codex.CodexEvents;
import com.verivus.gateway.provider.codex.CodexJsonlParser;
import com.verivus.gateway.provider.gemini.GeminiJsonParser;
import com.verivus.gateway.provider.gemini.GeminiResult;

/**
 * {@code extractUsageAndCost(cli, stdout, outputFormat)} (§3.6): the token counts and cost a run's stdout
 * carries, for structuredContent, the flight recorder and metrics. Claude stream-json and json, Codex json
 * and Gemini json carry them; every other combination gives {@link Usage#NONE}. Never throws.
 */
public final class UsageExtractor {

    private UsageExtractor() {
    }

    public static Usage extract(CliName cli, String stdout, String outputFormat) {
        if (cli == null || stdout == null || outputFormat == null) {
            return Usage.NONE;
        }
        try {
            return switch (cli) {
                case CLAUDE -> switch (outputFormat) {
                    case "stream-json" -> fromClaude(ClaudeOutputParser.parseStreamJson(stdout));
                    case "json" -> fromClaude(ClaudeOutputParser.parseJson(stdout));
                    default -> Usage.NONE;
                };
                case CODEX -> outputFormat.equals("json") ? fromCodex(CodexJsonlParser.parse(stdout)) : Usage.NONE;
                case GEMINI -> outputFormat.equals("json") ? fromGemini(GeminiJsonParser.parse(stdout)) : Usage.NONE;
                case GROK, MISTRAL -> Usage.NONE;
            };
        } catch (RuntimeException e) {
            return Usage.NONE;
        }
    }

    static Usage fromClaude(ClaudeResult r) {
        ClaudeResult.Usage u = r.usage();
        if (u == null) {
            return r.costUsd() == null ? Usage.NONE : new Usage(null, null, null, null, r.costUsd());
        }
        return new Usage(u.inputTokens(), u.outputTokens(), Usage.positiveOrNull(u.cacheReadInputTokens()),
                Usage.positiveOrNull(u.cacheCreationInputTokens()), r.costUsd());
    }

    static Usage fromCodex(CodexEvents e) {
        CodexEvents.Usage u = e.usage();
        if (u == null) {
            return Usage.NONE;
        }
        return new Usage(u.inputTokens(), u.outputTokens(), Usage.positiveOrNull(u.cacheReadTokens()),
                Usage.positiveOrNull(u.cacheCreationTokens()), u.costUsd());
    }

    static Usage fromGemini(GeminiResult r) {
        if (r == null || r.usage() == null) {
            return Usage.NONE;
        }
        GeminiResult.Usage u = r.usage();
        return new Usage(u.inputTokens(), u.outputTokens(), Usage.positiveOrNull(u.cacheReadTokens()), null, null);
    }
}
