package com.verivus.gateway.doctor;

import com.verivus.gateway.provider.CliName;
import java.util.List;

/**
 * What the probe found for one CLI.
 *
 * @param command        the executable name (vibe for mistral)
 * @param resolvedPath   where it was found on PATH, or null
 * @param installed      found and answered {@code --version} (exit 0, any output, or still running at
 *                       the bound: a hung CLI is installed but unhealthy)
 * @param version        first non-blank line of the sanitized {@code --version} output, or null
 * @param versionStdout  sanitized stdout of {@code --version} (cut to a few KB)
 * @param versionStderr  sanitized stderr of {@code --version} (cut to a few KB)
 * @param error          why the CLI is unavailable or unhealthy (not found, timed out, ...), else null
 */
public record ProviderStatus(CliName cli, String command, String resolvedPath, boolean installed, String version,
                             List<String> versionCommand, String versionStdout, String versionStderr,
                             String error, LoginStatus loginStatus, LoginCheck loginCheck) {

    public ProviderStatus {
        versionCommand = List.copyOf(versionCommand);
    }
}
