package com.verivus.gateway.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the real Claude Code CLI (npm {@code @anthropic-ai/claude-code}) is for the tests that need it:
 * {@code CLAUDE_CODE_BIN}, else the copy {@code .ci/run} installs under
 * {@code ~/.cache/llm-cli-gateway/npm}, else {@code claude} on PATH.
 */
final class ClaudeCodeCli {

    static final String INSTALL = "npm install --prefix ~/.cache/llm-cli-gateway/npm @anthropic-ai/claude-code "
            + "(.ci/run does it), or set CLAUDE_CODE_BIN";

    private ClaudeCodeCli() {
    }

    static Optional<Path> locate() {
        String explicit = System.getenv("CLAUDE_CODE_BIN");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit)).filter(Files::isExecutable);
        }
        String cache = System.getenv().getOrDefault("XDG_CACHE_HOME", System.getProperty("user.home") + "/.cache");
        Path cached = Path.of(cache, "llm-cli-gateway/npm/node_modules/.bin/claude");
        if (Files.isExecutable(cached)) {
            return Optional.of(cached);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, "claude"))) {
                return Optional.of(Path.of(dir, "claude"));
            }
        }
        return Optional.empty();
    }
}
