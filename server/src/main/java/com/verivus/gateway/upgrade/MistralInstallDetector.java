package com.verivus.gateway.upgrade;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.process.BoundedCommand;
import com.verivus.gateway.process.BoundedCommand.Outcome;
import com.verivus.gateway.process.ExecutableSearch;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds which package manager owns the {@code vibe} binary, because Vibe cannot update itself (and
 * {@code vibe update} does not exist): pip ({@code pip show mistral-vibe}), then uv
 * ({@code uv tool list}), then Homebrew ({@code brew list mistral-vibe}). Each probe is bounded.
 */
public final class MistralInstallDetector {

    /** Mistral's package on PyPI and in Homebrew. */
    public static final String PACKAGE = "mistral-vibe";
    private static final Pattern PIP_NAME = Pattern.compile("(?mi)^Name:\\s*mistral-vibe\\s*$");
    private static final Pattern UV_TOOL = Pattern.compile("(?m)^mistral-vibe\\b");

    /** A detected installer and the executable that runs it. */
    public record Installation(String installer, String executable) {
    }

    private final GatewayEnvironment env;
    private final Duration timeout;

    public MistralInstallDetector(GatewayEnvironment env, Duration timeout) {
        this.env = env;
        this.timeout = timeout;
    }

    public Optional<Installation> detect() {
        for (String pip : List.of("pip", "pip3")) {
            if (ExecutableSearch.find(env, pip).isPresent()) {
                Outcome show = BoundedCommand.run(List.of(pip, "show", PACKAGE), env, timeout);
                if (show.succeeded() && PIP_NAME.matcher(show.stdout()).find()) {
                    return Optional.of(new Installation("pip", pip));
                }
            }
        }
        if (ExecutableSearch.find(env, "uv").isPresent()) {
            Outcome tools = BoundedCommand.run(List.of("uv", "tool", "list"), env, timeout);
            if (tools.succeeded() && UV_TOOL.matcher(tools.stdout()).find()) {
                return Optional.of(new Installation("uv", "uv"));
            }
        }
        if (ExecutableSearch.find(env, "brew").isPresent()) {
            Outcome list = BoundedCommand.run(List.of("brew", "list", PACKAGE), env, timeout);
            if (list.succeeded()) {
                return Optional.of(new Installation("brew", "brew"));
            }
        }
        return Optional.empty();
    }
}
