package com.verivus.gateway.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verivus.gateway.config.GatewayEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The short bounded runs of probes and upgrades, with stderr kept apart or merged into stdout. */
class BoundedCommandTest {

    @TempDir
    Path dir;

    private Path script(String name, String body) throws Exception {
        Path p = dir.resolve("bin").resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/usr/bin/env python3\nimport sys, os, time\n" + body + "\n");
        assertThat(p.toFile().setExecutable(true)).isTrue();
        return p;
    }

    private GatewayEnvironment env() {
        return new GatewayEnvironment(Map.of("PATH", dir.resolve("bin") + ":/usr/bin:/bin", "KEPT", "base",
                "NO_COLOR", "0"), dir, dir);
    }

    @Test
    void separateStreamsAreCapturedApartWithTheExitCode() throws Exception {
        script("two", "sys.stderr.write('err\\n'); sys.stderr.flush(); print('out'); sys.exit(3)");
        BoundedCommand.Outcome o = BoundedCommand.run(List.of("two"), env(), Duration.ofSeconds(10));
        assertThat(o.started()).isTrue();
        assertThat(o.exitCode()).isEqualTo(3);
        assertThat(o.stdout()).isEqualTo("out\n");
        assertThat(o.stderr()).isEqualTo("err\n");
        assertThat(o.succeeded()).isFalse();
        assertThat(o.interrupted()).isFalse();
    }

    @Test
    void mergedStreamsKeepArrivalOrderInStdoutUnderOneCap() throws Exception {
        Path exe = script("two", "sys.stderr.write('warning first\\n'); sys.stderr.flush(); print('then out' + 'x' * 100)");
        BoundedCommand.Outcome o = BoundedCommand.runFound(exe, List.of(), env(), Map.of(), Duration.ofSeconds(10),
                20, BoundedCommand.Streams.MERGED);
        assertThat(o.argv()).containsExactly(exe.toString());
        assertThat(o.stdout()).isEqualTo("warning first\nthen o");
        assertThat(o.stderr()).isEmpty();
        assertThat(o.succeeded()).isTrue();
    }

    @Test
    void extraVariablesAreLaidOverTheEnvironmentAndStdinIsEmpty() throws Exception {
        Path exe = script("env", "print(os.environ.get('KEPT'), os.environ.get('NO_COLOR'), len(sys.stdin.read()))");
        BoundedCommand.Outcome o = BoundedCommand.runFound(exe, List.of(), env(), Map.of("NO_COLOR", "1"),
                Duration.ofSeconds(10), 1000, BoundedCommand.Streams.SEPARATE);
        assertThat(o.stdout()).isEqualTo("base 1 0\n");
    }

    @Test
    void aCommandThatHangsIsKilledAtTheBoundWithWhatItPrinted() throws Exception {
        Path exe = script("hang", "print('partial', flush=True); time.sleep(120)");
        long t0 = System.nanoTime();
        BoundedCommand.Outcome o = BoundedCommand.runFound(exe, List.of("--version"), env(), Map.of(),
                Duration.ofMillis(700), 1000, BoundedCommand.Streams.MERGED);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(o.timedOut()).isTrue();
        assertThat(o.exitCode()).isNull();
        assertThat(o.interrupted()).isFalse();
        assertThat(o.stdout()).isEqualTo("partial\n");
        assertThat(o.error()).isEqualTo(exe + " --version did not finish within 700 ms; the process tree was killed");
    }

    @Test
    void aMissingCommandDoesNotStartAndAnUnstartableFoundOneThrows() throws Exception {
        BoundedCommand.Outcome o = BoundedCommand.run(List.of("no-such-cmd"), env(), Duration.ofSeconds(1));
        assertThat(o.started()).isFalse();
        assertThat(o.error()).isEqualTo("no-such-cmd: command not found on PATH");
        Path plain = dir.resolve("plain");
        Files.writeString(plain, "not a program");
        assertThatThrownBy(() -> BoundedCommand.runFound(plain, List.of(), env(), Map.of(), Duration.ofSeconds(1), 10,
                BoundedCommand.Streams.MERGED)).isInstanceOf(IOException.class);
    }
}
