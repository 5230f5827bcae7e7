package com.verivus.dag.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.dag.testsupport.TempRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitRepository asks the real git, and a git that hangs while holding its output open is stopped. */
class GitRepositoryTest {

    @TempDir
    Path temp;

    @Test
    void realGitAnswersTheWorkTreeIgnoreAndTrackQuestions() throws IOException {
        TempRepo repo = TempRepo.init(temp.resolve("repo"));
        Files.writeString(repo.root().resolve(".gitignore"), "/.gateway/\n");

        GitRepository git = GitRepository.at(repo.root(), Map.of("PATH", System.getenv("PATH"), "HOME", temp.toString()));

        assertThat(git.isWorkTree()).isTrue();
        assertThat(git.ignores(".gateway/config.toml")).isTrue();
        assertThat(git.ignores("README.md")).isFalse();
        assertThat(git.tracks(".gitignore")).isFalse();
    }

    @Test
    void aGitThatHangsWithItsOutputOpenIsTimedOutAndKilled() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path pidFile = temp.resolve("git.pid");
        // Writes some output, then keeps stdout open and never exits: the old code blocked reading it forever.
        Path git = Files.writeString(bin.resolve("git"), "#!/bin/sh\necho $$ > '" + pidFile + "'\necho partial output\n"
                + "exec sleep 600\n");
        Files.setPosixFilePermissions(git, PosixFilePermissions.fromString("rwxr-xr-x"));

        GitRepository repo = GitRepository.at(temp, Map.of("PATH", bin + ":/usr/bin:/bin", "HOME", temp.toString()),
                Duration.ofMillis(500));

        assertThat(repo.isWorkTree()).as("a git that never answers is not a work tree").isFalse();
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the hung git was killed").isFalse();
    }
}
