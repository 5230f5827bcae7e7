package com.verivus.gateway.doctor;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.CliVersion;
import java.util.List;
import java.util.Objects;

/**
 * What a probe found for one CLI: the doctor's full probe ({@link ProviderStatusProbe}), or a version-only
 * probe (the validation tools' {@code VersionProbe}), which leaves the login {@link LoginStatus#NOT_CHECKED}.
 *
 * @param command        the executable name (vibe for mistral)
 * @param resolvedPath   where it was found on PATH, or null
 * @param installed      found and answered {@code --version} (exit 0, any output, or still running at
 *                       the bound: a hung CLI is installed but unhealthy)
 * @param version        first non-blank line of the sanitized {@code --version} output, or null
 * @param versionStdout  sanitized stdout of {@code --version} (cut to a few KB)
 * @param versionStderr  sanitized stderr of {@code --version} (cut to a few KB)
 * @param error          why the CLI is unavailable or unhealthy (not found, timed out, ...), else null
 * @param loginStatus    its login state ({@link LoginStatus#NOT_CHECKED} when the probe did not look)
 */
public record ProviderStatus(CliName cli, String command, String resolvedPath, boolean installed, String version,
                             List<String> versionCommand, String versionStdout, String versionStderr,
                             String error, LoginStatus loginStatus, LoginCheck loginCheck) {

    static final int EXCERPT = 4000;
    static final String NOT_INSTALLED = "Runtime is not installed.";

    public ProviderStatus {
        Objects.requireNonNull(cli, "cli");
        Objects.requireNonNull(loginStatus, "loginStatus");
        versionCommand = List.copyOf(versionCommand);
    }

    /** Not installed, for the reason given; nothing was run or nothing usable came back. */
    public static ProviderStatus missing(CliName cli, String error) {
        return new ProviderStatus(cli, cli.executable(), null, false, null, versionCommand(cli), "", "", error,
                LoginStatus.NOT_CHECKED, LoginCheck.notChecked(NOT_INSTALLED));
    }

    /** Installed as far as {@code --version} tells ({@link CliVersion#answered}); the login was not looked at. */
    public static ProviderStatus versionOnly(CliName cli, String resolvedPath, CliVersion answer) {
        return new ProviderStatus(cli, cli.executable(), resolvedPath, true, answer.version(), versionCommand(cli),
                OutputSanitizer.excerpt(answer.outcome().stdout(), EXCERPT),
                OutputSanitizer.excerpt(answer.outcome().stderr(), EXCERPT), null, LoginStatus.NOT_CHECKED,
                LoginCheck.notChecked("Only --version was run."));
    }

    static List<String> versionCommand(CliName cli) {
        return List.of(cli.executable(), "--version");
    }
}
