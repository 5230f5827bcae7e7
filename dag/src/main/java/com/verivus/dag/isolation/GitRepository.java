package com.verivus.dag.isolation;

import java.io.IOException;
import java.nio.file.Path;
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

    private final Path root;
    private final Map<String, String> environment;
    private final boolean workTree;

    private GitRepository(Path root, Map<String, String> environment) {
        this.root = root;
        this.environment = environment;
        this.workTree = run("rev-parse", "--is-inside-work-tree").ok();
    }

    static GitRepository at(Path root, Map<String, String> environment) {
        return new GitRepository(root, environment);
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
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        // Never let a git prompt (credentials, pager) block the run.
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().put("GIT_PAGER", "cat");
        try {
            Process process = builder.start();
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
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

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
