package com.verivus.gateway.validation;

import com.verivus.gateway.doctor.ProviderStatus;
import com.verivus.gateway.doctor.LoginStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.provider.CliName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default availability probe: the extended PATH and a bounded {@code <exe> --version}. */
class VersionProbeTest extends ValidationTestBase {

    private void script(String name, String body) throws Exception {
        Path p = fx.bin.resolve(name);
        Files.writeString(p, "#!/usr/bin/env python3\n" + body + "\n");
        assertThat(p.toFile().setExecutable(true)).isTrue();
    }

    @Test
    void anInstalledCliReportsTheFirstLineItPrints() {
        fx = ValidationFixtures.in(dir).install(CliName.MISTRAL, "agree").build();
        ProviderStatus s = fx.availability().status(CliName.MISTRAL);
        assertThat(s.installed()).isTrue();
        assertThat(s.version()).isEqualTo("vibe 1.0.0 (fake)");
        assertThat(s.loginStatus()).isEqualTo(LoginStatus.NOT_CHECKED);
        assertThat(s.error()).isNull();
    }

    @Test
    void aCliThatIsNotOnThePathIsNotInstalled() {
        fx = ValidationFixtures.in(dir).build();
        ProviderStatus s = fx.availability().status(CliName.CODEX);
        assertThat(s.installed()).isFalse();
        assertThat(s.error()).isEqualTo("'codex' is not on PATH");
    }

    @Test
    void aFileThatIsNotExecutableIsNotInstalled() throws Exception {
        fx = ValidationFixtures.in(dir).build();
        Files.writeString(fx.bin.resolve("grok"), "not a program");
        ProviderStatus s = fx.availability().status(CliName.GROK);
        assertThat(s.installed()).isFalse();
        assertThat(s.error()).endsWith("/grok is not executable");
    }

    @Test
    void aCliThatPrintsToStderrAndFailsStillCountsAsInstalled() throws Exception {
        fx = ValidationFixtures.in(dir).build();
        script("gemini", "import sys\nsys.stderr.write('\\n  gemini-cli 0.9\\n')\nsys.exit(2)");
        ProviderStatus s = fx.availability().status(CliName.GEMINI);
        assertThat(s.installed()).isTrue();
        assertThat(s.version()).isEqualTo("gemini-cli 0.9");
    }

    @Test
    void aVersionProbeThatHangsIsBoundedByTheTimeout() throws Exception {
        fx = ValidationFixtures.in(dir).build();
        for (CliName cli : CliName.values()) {
            script(cli.executable(), "import time\ntime.sleep(120)");
        }
        VersionProbe probe = new VersionProbe(fx.env, Duration.ofMillis(700), Duration.ZERO, Clock.systemUTC());
        long t0 = System.nanoTime();
        Map<CliName, ProviderStatus> all = probe.statuses(EnumSet.allOf(CliName.class));
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(tookMs).as("five probes run concurrently").isLessThan(4_000);
        assertThat(all.keySet()).containsExactly(CliName.values());
        assertThat(all.values()).allSatisfy(s -> {
            assertThat(s.installed()).isFalse();
            assertThat(s.error()).endsWith("--version' printed nothing within 700ms");
        });
    }

    @Test
    void answersAreKeptForTheCacheTime() {
        fx = ValidationFixtures.in(dir).install(CliName.CLAUDE, "agree").build();
        VersionProbe cached = new VersionProbe(fx.env, Duration.ofSeconds(5), Duration.ofMinutes(1), Clock.systemUTC());
        cached.status(CliName.CLAUDE);
        cached.status(CliName.CLAUDE);
        assertThat(fx.allInvocations()).hasSize(1);
        VersionProbe uncached = new VersionProbe(fx.env, Duration.ofSeconds(5), Duration.ZERO, Clock.systemUTC());
        uncached.status(CliName.CLAUDE);
        uncached.status(CliName.CLAUDE);
        assertThat(fx.allInvocations()).hasSize(3);
    }
}
