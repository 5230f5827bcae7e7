package com.verivus.gateway.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.config.GatewayEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one executable lookup of the gateway (jobs, probes, doctor, upgrades, lifecycle). */
class ExecutableSearchTest {

    @TempDir
    Path dir;

    private Path file(String relative, boolean executable) throws Exception {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\n");
        assertThat(p.toFile().setExecutable(executable)).isTrue();
        return p;
    }

    private GatewayEnvironment env(String path) {
        return new GatewayEnvironment(Map.of("PATH", path), dir.resolve("home"), dir.resolve("work"));
    }

    @Test
    void theFirstExecutableInPathOrderWinsOverAnEarlierNonExecutableFile() throws Exception {
        file("a/tool", false);
        Path b = file("b/tool", true);
        file("c/tool", true);
        String path = dir.resolve("a") + ":" + dir.resolve("b") + ":" + dir.resolve("c");
        assertThat(ExecutableSearch.locate(env(""), "tool", path)).contains(new ExecutableSearch.Found(b, true));
        assertThat(ExecutableSearch.find(env(path), "tool")).contains(b);
    }

    @Test
    void withoutAnExecutableTheFirstNonExecutableFileIsReportedButNotFound() throws Exception {
        Path a = file("a/tool", false);
        file("b/tool", false);
        String path = dir.resolve("a") + ":" + dir.resolve("b");
        assertThat(ExecutableSearch.locate(env(""), "tool", path)).contains(new ExecutableSearch.Found(a, false));
        assertThat(ExecutableSearch.find(env(path), "tool")).isEmpty();
    }

    @Test
    void aNameNotOnThePathIsNotFound() {
        assertThat(ExecutableSearch.locate(env(""), "no-such-tool", dir.toString())).isEmpty();
        assertThat(ExecutableSearch.find(env(dir.toString()), "no-such-tool")).isEmpty();
        assertThat(ExecutableSearch.find(env(dir.toString()), "")).isEmpty();
    }

    @Test
    void relativeAndEmptyEntriesAreResolvedAgainstTheWorkingDirectoryLikeExecvp() throws Exception {
        Path inBin = file("work/bin/tool", true);
        Path inCwd = file("work/other", true);
        assertThat(ExecutableSearch.find(env("bin"), "tool")).contains(inBin);
        assertThat(ExecutableSearch.find(env("/nonexistent::/also-not"), "other")).contains(inCwd);
    }

    @Test
    void aNameWithASlashIsTakenAsAPathFromTheWorkingDirectory() throws Exception {
        Path tool = file("work/bin/tool", true);
        assertThat(ExecutableSearch.find(env(""), "bin/tool")).contains(tool);
        assertThat(ExecutableSearch.find(env(""), tool.toString())).contains(tool);
        Path plain = file("work/bin/plain", false);
        assertThat(ExecutableSearch.locate(env(""), "bin/plain", "")).contains(new ExecutableSearch.Found(plain, false));
    }
}
