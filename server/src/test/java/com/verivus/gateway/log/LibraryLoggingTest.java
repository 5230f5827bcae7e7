package com.verivus.gateway.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.testing.GatewayProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Library logging in a fresh JVM (the routing is set up by system properties, before anything logs): SLF4J and
 * java.util.logging records reach stderr in the gateway's line format, warnings and errors always, info and
 * debug only with {@code DEBUG}; nothing reaches stdout, and SLF4J prints none of its own notices.
 */
class LibraryLoggingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String LINE = "\\[%s] \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z - %s";

    @TempDir
    Path home;

    @Test
    void warningsAndErrorsReachStderrInTheGatewayFormat() {
        Run run = run(false, "route");
        assertThat(run.stdout()).containsExactly("done");
        assertThat(run.stderrLines()).anySatisfy(l -> assertThat(l).matches(
                LINE.formatted("ERROR", "lib\\.slf4j: slf4j error \\(java\\.lang\\.IllegalStateException: bad state\\)")));
        assertThat(run.stderrLines()).anySatisfy(l -> assertThat(l).matches(LINE.formatted("WARN", "lib\\.slf4j: slf4j warn 1 of 2")));
        assertThat(run.stderrLines()).anySatisfy(l -> assertThat(l).matches(LINE.formatted("ERROR", "lib\\.jul: jul severe")));
        assertThat(run.stderrLines()).anySatisfy(l -> assertThat(l).matches(LINE.formatted("WARN", "lib\\.jul: jul warning")));
        assertThat(run.stderrLines()).anySatisfy(l -> assertThat(l).matches(LINE.formatted("WARN", "lib\\.jul: jul params with 2")));
        assertThat(run.stderr()).doesNotContain("slf4j info", "slf4j debug", "slf4j trace", "jul info", "jul fine",
                "jul finest", "helidon info", "SLF4J");
    }

    @Test
    void debugAddsInfoAndDebugButNeverTrace() {
        Run run = run(true, "route");
        assertThat(run.stdout()).containsExactly("done");
        assertThat(run.stderrLines()).anySatisfy(l -> assertThat(l).matches(LINE.formatted("INFO", "lib\\.slf4j: slf4j info")));
        assertThat(run.stderrLines()).anySatisfy(l -> assertThat(l).matches(LINE.formatted("DEBUG", "lib\\.slf4j: slf4j debug")));
        assertThat(run.stderrLines()).anySatisfy(l -> assertThat(l).matches(LINE.formatted("INFO", "lib\\.jul: jul info")));
        assertThat(run.stderrLines()).anySatisfy(l -> assertThat(l).matches(LINE.formatted("DEBUG", "lib\\.jul: jul fine")));
        assertThat(run.stderrLines()).anySatisfy(l -> assertThat(l).matches(
                LINE.formatted("INFO", "io\\.helidon\\.webserver: helidon info")));
        assertThat(run.stderr()).doesNotContain("slf4j trace", "jul finest", "SLF4J");
    }

    @Test
    void slf4jFindsTheProviderWithoutThePropertyToo() {
        Run run = run(false, "discover");
        assertThat(run.stdout()).containsExactly("done");
        assertThat(run.stderrLines()).anySatisfy(l -> assertThat(l).matches(LINE.formatted("WARN", "lib\\.slf4j: slf4j warn 1 of 2")));
        assertThat(run.stderr()).doesNotContain("slf4j info", "SLF4J");
    }

    private Run run(boolean debug, String mode) {
        try (GatewayProcess p = GatewayProcess.builder(home).testMain(LibraryLoggingMain.class)
                .env("DEBUG", debug ? "1" : null).args(mode).start().closeStdin()) {
            assertThat(p.awaitExit(WAIT)).as("exit code; stderr:%n%s", p.stderr()).isZero();
            List<String> out = p.stdoutLines().stream().map(GatewayProcess.Line::text).toList();
            return new Run(out, p.stderr());
        }
    }

    private record Run(List<String> stdout, String stderr) {
        List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }
}
