package com.verivus.gateway.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitCommand against stand-in git executables that hang or flood their pipes. */
class GitCommandTest {

    @TempDir
    Path dir;

    private Map<String, String> pathWithFakeGit(String script) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path git = bin.resolve("git");
        Files.writeString(git, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(git, PosixFilePermissions.fromString("rwxr-xr-x"));
        return Map.of("PATH", bin + ":/usr/bin:/bin");
    }

    @Test
    void aGitThatHangsIsStoppedAtTheBoundWithAClearError() throws Exception {
        GitCommand git = new GitCommand(dir, Duration.ofSeconds(1), pathWithFakeGit("exec sleep 600"));
        assertThatThrownBy(() -> git.run(1000, "status"))
                .isInstanceOf(GitCommand.Failure.class)
                .hasMessageContaining("did not finish within 1 s")
                .hasMessageContaining("narrow the change set");
    }

    @Test
    void aGitThatFloodsStdoutAndStderrIsDrainedAndItsOverflowReported() throws Exception {
        GitCommand git = new GitCommand(dir, Duration.ofSeconds(60),
                pathWithFakeGit("head -c 3000000 /dev/zero | tr '\\\\0' x; head -c 3000000 /dev/zero >&2; exit 0"));
        GitCommand.Output out = git.run(1000, "diff");
        assertThat(out.ok()).isTrue();
        assertThat(out.overflowed()).isTrue();
        assertThat(out.stdout()).hasSize(1000);
    }

    @Test
    void missingGitIsNamed() {
        GitCommand git = new GitCommand(dir, Duration.ofSeconds(5), Map.of("PATH", dir.toString()));
        assertThatThrownBy(() -> git.run(1000, "status")).hasMessageContaining("git was not found on PATH");
    }
}
