package com.verivus.dag.isolation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The gates checked before U01 starts: the repository path is real, and no legacy variable will leak in. */
final class PreflightGates {

    /** The resolved instance, or the finding that stops the run. */
    record RepoPath(Optional<IsolationInstance> instance, Optional<Finding> finding, String observed) {
    }

    private PreflightGates() {
    }

    static RepoPath repoPath(IsolationSettings settings, ObjectNode policyInstance, String firstUnit) {
        Path given = settings.repo();
        String remediation = "pass --repo <the repository's root directory>";
        if (!Files.isDirectory(given)) {
            return new RepoPath(Optional.empty(), Optional.of(Finding.of(Gate.REPO_ABS_PATH_RESOLVED, firstUnit,
                    "--repo " + given + (Files.exists(given) ? " is not a directory" : " does not exist"),
                    "an existing directory", remediation)), given.toString());
        }
        Path real;
        try {
            real = given.toRealPath();
        } catch (IOException e) {
            return new RepoPath(Optional.empty(), Optional.of(Finding.of(Gate.REPO_ABS_PATH_RESOLVED, firstUnit,
                    "cannot resolve the real path of " + given + ": " + e.getMessage(), "a readable directory",
                    remediation)), given.toString());
        }
        String declared = policyInstance.path("repo_abs_path").asText("");
        if (!declared.isBlank() && !declared.equals(IsolationInstance.PLACEHOLDER) && !sameDirectory(declared, real)) {
            // A DAG filled in for one checkout must not be applied to another.
            return new RepoPath(Optional.empty(), Optional.of(Finding.of(Gate.REPO_ABS_PATH_RESOLVED, firstUnit,
                    "policy.instance.repo_abs_path = " + declared + " but --repo resolves to " + real,
                    "repo_abs_path = " + IsolationInstance.PLACEHOLDER + " (filled in from --repo) or " + real,
                    "set repo_abs_path back to \"" + IsolationInstance.PLACEHOLDER + "\" in the DAG, or pass --repo "
                            + declared)), real.toString());
        }
        try {
            IsolationInstance instance = IsolationInstance.resolve(policyInstance, real, settings.serverName());
            if (!instance.repo().isAbsolute() || instance.repo().toString().contains(IsolationInstance.PLACEHOLDER)) {
                throw new IllegalArgumentException("repo_abs_path resolved to " + instance.repo());
            }
            return new RepoPath(Optional.of(instance), Optional.empty(), real.toString());
        } catch (IllegalArgumentException e) {
            return new RepoPath(Optional.empty(), Optional.of(Finding.of(Gate.REPO_ABS_PATH_RESOLVED, firstUnit,
                    e.getMessage(), "every policy.instance path resolved to an absolute path inside " + real,
                    "fix [policy.instance] in the DAG (relative paths, no placeholders other than "
                            + IsolationInstance.PLACEHOLDER + ")")), real.toString());
        }
    }

    private static boolean sameDirectory(String declared, Path real) {
        try {
            return Path.of(declared).isAbsolute() && Path.of(declared).toRealPath().equals(real);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    static List<Finding> legacyEnvironment(IsolationSettings settings, Path repo, String firstUnit) {
        List<Finding> findings = new ArrayList<>();
        for (LegacyVariableScan.Hit hit : LegacyVariableScan.scan(settings.environment(), settings.home(), repo,
                settings.extraInitFiles())) {
            boolean inEnvironment = hit.where().equals("environment");
            findings.add(Finding.of(Gate.NO_LEGACY_ENV_LEAK, firstUnit,
                    inEnvironment ? hit.variable() + " is set in the environment (" + hit.detail() + ")"
                            : hit.where() + ": " + hit.detail(),
                    "neither LLM_GATEWAY_LOGS_DB nor LLM_GATEWAY_JOBS_DB set (they override [persistence] at every "
                            + "gateway boot)",
                    inEnvironment
                            ? "unset " + hit.variable() + " (and remove it from wherever it is exported), then re-run"
                            : "delete or comment out line " + hit.where().substring(hit.where().lastIndexOf(':') + 1)
                                    + " of " + hit.where().substring(0, hit.where().lastIndexOf(':'))
                                    + ", unset " + hit.variable() + " in your shell, then re-run"));
        }
        return findings;
    }
}
