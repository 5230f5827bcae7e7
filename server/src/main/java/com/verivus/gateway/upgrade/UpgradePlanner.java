package com.verivus.gateway.upgrade;

import com.verivus.gateway.provider.CliName;
import java.util.List;
import java.util.Optional;

/**
 * Plans the upgrade of one CLI (§10.6): claude and grok update themselves, codex too for
 * {@code latest} (npm for an explicit version), gemini always through npm, and Mistral Vibe through
 * the package manager that installed it.
 */
public final class UpgradePlanner {

    public static final String MISTRAL_UNDETECTED = "Could not detect how Mistral Vibe was installed. None of "
            + "pip show mistral-vibe, uv tool list or brew list mistral-vibe found it; install it with pip install "
            + "mistral-vibe, uv tool install mistral-vibe or brew install mistral-vibe, then run cli_upgrade again.";

    private final MistralInstallDetector mistral;

    public UpgradePlanner(MistralInstallDetector mistral) {
        this.mistral = mistral;
    }

    /**
     * @throws IllegalArgumentException for a bad target, or when Vibe's installer cannot be found
     */
    public UpgradePlan plan(CliName cli, String rawTarget) {
        String t = UpgradeTarget.normalize(rawTarget);
        boolean latest = t.equals(UpgradeTarget.LATEST);
        return switch (cli) {
            case CLAUDE -> latest
                    ? new UpgradePlan(cli, t, "claude", List.of("update"), "self-update", true, null)
                    : new UpgradePlan(cli, t, "claude", List.of("install", t), "self-update", true,
                    "Claude Code installs an explicit version with claude install <version>.");
            case GROK -> latest
                    ? new UpgradePlan(cli, t, "grok", List.of("update"), "self-update", true, null)
                    : new UpgradePlan(cli, t, "grok", List.of("update", "--version", t), "self-update", true,
                    "The Grok CLI updates to an explicit version with grok update --version <version>.");
            case CODEX -> latest
                    ? new UpgradePlan(cli, t, "codex", List.of("update"), "self-update", true, null)
                    : new UpgradePlan(cli, t, "npm", List.of("install", "-g", "@openai/codex@" + t),
                    "npm-global-install", true, "An explicit Codex version is installed from npm.");
            case GEMINI -> new UpgradePlan(cli, t, "npm", List.of("install", "-g", "@google/gemini-cli@" + t),
                    "npm-global-install", true, null);
            case MISTRAL -> mistralPlan(t, latest);
        };
    }

    private UpgradePlan mistralPlan(String t, boolean latest) {
        Optional<MistralInstallDetector.Installation> found = mistral.detect();
        if (found.isEmpty()) {
            throw new IllegalArgumentException(MISTRAL_UNDETECTED);
        }
        String pinNote = latest ? null : "%s cannot pin a version: this upgrades Mistral Vibe to the newest release.";
        return switch (found.get().installer()) {
            case "pip" -> new UpgradePlan(CliName.MISTRAL, t, found.get().executable(),
                    List.of("install", "-U", latest ? MistralInstallDetector.PACKAGE : MistralInstallDetector.PACKAGE
                            + "==" + t), "pip-install", true, "Mistral Vibe was installed with pip; it cannot update itself.");
            case "uv" -> new UpgradePlan(CliName.MISTRAL, t, "uv", List.of("tool", "upgrade", MistralInstallDetector.PACKAGE),
                    "uv-tool-upgrade", true, pinNote == null ? "Mistral Vibe was installed with uv; it cannot update itself."
                    : pinNote.formatted("uv tool upgrade"));
            default -> new UpgradePlan(CliName.MISTRAL, t, "brew", List.of("upgrade", MistralInstallDetector.PACKAGE),
                    "brew-upgrade", true, pinNote == null ? "Mistral Vibe was installed with Homebrew; it cannot update "
                    + "itself." : pinNote.formatted("brew upgrade"));
        };
    }
}
