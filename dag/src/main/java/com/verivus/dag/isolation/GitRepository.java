package com.verivus.dag.isolation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The few git questions the gates ask, answered by git itself: is this a work tree, is a path ignored
 * (global excludes and info/exclude included), is a path tracked. When git is missing or the directory
 * is not a work tree, callers fall back to the .gitignore rules alone.
 */
final class GitRepository {

    /** A git that takes longer than this (a hung credential helper, a dead network file system) counts as failed. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Path root;
    private final Map<String, String> environment;
    private final Duration timeout;
    private final boolean workTree;

    private GitRepository(Path root, Map<String, String> environment, Duration timeout) {
        this.root = root;
        this.environment = environment;
        this.timeout = timeout;
        this.workTree = run("rev-parse", "--is-inside-work-tree").ok();
    }

    static GitRepository at(Path root, Map<String, String> environment) {
        return new GitRepository(root, environment, TIMEOUT);
    }

    static GitRepository at(Path root, Map<String, String> environment, Duration timeout) {
        return new GitRepository(root, environment, timeout);
    }

    boolean isWorkTree() {
        return workTree;
    }

    /** Whether git ignores the path (checked even if the file is tracked, as {@code --no-index} does). */
    boolean ignores(String relativePath) {
        return run("check-ignore", "-q", "--no-index", "--", relativePath).ok();
    }

    boolean tracks(String relativePath) {
        return run("ls-files", "--error-unmatch", "--", relativePath).ok();
    }

    private record Result(int exitCode) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable());
        command.addAll(List.of(args));
        // Only the exit code matters. Output goes to the null device, so waitFor is the one blocking call
        // and its timeout holds (reading the output first would block for as long as git keeps it open).
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        // Never let a git prompt (credentials, pager) block the run.
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().put("GIT_PAGER", "cat");
        try {
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new Result(-1);
            }
            return new Result(process.exitValue());
        } catch (IOException e) {
            return new Result(-1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1);
        }
    }

    /** git from the run's own PATH (ProcessBuilder would search this JVM's PATH instead). */
    private String executable() {
        String path = environment.get("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = dir.isBlank() ? null : Path.of(dir, "git");
                if (candidate != null && java.nio.file.Files.isRegularFile(candidate)
                        && java.nio.file.Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return "git";
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
