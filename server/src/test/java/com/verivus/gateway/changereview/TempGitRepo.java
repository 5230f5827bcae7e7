package com.verivus.gateway.changereview;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real git repository in a temp directory, driven with the git CLI (fixed author, dates and config). */
public final class TempGitRepo {

    public final Path root;

    private TempGitRepo(Path root) {
        this.root = root;
    }

    public static TempGitRepo init(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        TempGitRepo repo = new TempGitRepo(dir);
        repo.git("init", "-q", "-b", "main");
        repo.git("config", "user.name", "Test Author");
        repo.git("config", "user.email", "author@example.test");
        repo.git("config", "commit.gpgsign", "false");
        return repo;
    }

    public TempGitRepo write(String path, String content) {
        return write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public TempGitRepo write(String path, byte[] content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public TempGitRepo add(String... paths) {
        List<String> args = new ArrayList<>(List.of("add", "--"));
        args.addAll(List.of(paths));
        git(args.toArray(String[]::new));
        return this;
    }

    public TempGitRepo commit(String message) {
        git("commit", "-q", "--no-verify", "-m", message);
        return this;
    }

    public String head() {
        return git("rev-parse", "HEAD").strip();
    }

    /** Runs git in the repository with a fixed clock; returns stdout; fails the test on a non-zero exit. */
    public String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("GIT_AUTHOR_DATE", "2026-01-02T03:04:05Z");
        env.put("GIT_COMMITTER_DATE", "2026-01-02T03:04:05Z");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
