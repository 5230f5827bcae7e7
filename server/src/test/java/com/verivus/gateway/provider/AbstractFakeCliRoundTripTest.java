package com.verivus.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.testing.FakeClis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One suite for every provider adapter: the argv an adapter builds really runs the provider's fake CLI
 * (a real executable on PATH that parses argv like the real one), and the provider's parser reads what it
 * printed. Subclassed per provider.
 */
public abstract class AbstractFakeCliRoundTripTest extends AdapterTestBase {

    protected FakeClis fakes;

    @BeforeEach
    void installFakes() {
        fakes = FakeClis.install(tmp.resolve("fake"));
    }

    /** The adapter's run for a typical request with a machine-readable output format where the CLI has one. */
    protected abstract PreparedRun prepare(PrepareContext ctx);

    /** Checks the fake's answer with the provider's parser. */
    protected abstract void assertParsedAnswer(FakeClis.Result result, PreparedRun run);

    protected FakeClis.Result run(PreparedRun run, Map<String, String> env) {
        return fakes.run(run.invocation(), fx.cwd, env, Duration.ofSeconds(20));
    }

    @Test
    void fakeCliReceivesExactlyTheAdapterArgvAndEnv() {
        PreparedRun run = prepare(fx.context());
        FakeClis.Result result = run(run, Map.of());
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        Map<String, Object> rec = fakes.lastRecord();
        assertThat(rec.get("cli")).isEqualTo(run.invocation().cli().executable());
        assertThat(rec.get("argv")).isEqualTo(run.invocation().args());
        assertThat(rec.get("cwd")).isEqualTo(fx.cwd.toString());
        assertThat(rec).doesNotContainKey("usageError");
        @SuppressWarnings("unchecked")
        Map<String, String> env = (Map<String, String>) rec.get("env");
        run.invocation().env().forEach((k, v) -> assertThat(env).containsEntry(k, v));
    }

    @Test
    void answerParsesWithTheProvidersParser() {
        PreparedRun run = prepare(fx.context());
        FakeClis.Result result = run(run, Map.of());
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertParsedAnswer(result, run);
    }

    @Test
    void failModeExitsWithTheRequestedCodeAndMessage() {
        FakeClis.Result result = run(prepare(fx.context()),
                Map.of("FAKE_CLI_MODE", "fail", "FAKE_CLI_EXIT", "42", "FAKE_CLI_STDERR", "quota exceeded"));
        assertThat(result.exitCode()).isEqualTo(42);
        assertThat(result.stderr()).contains("quota exceeded");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void garbageModeMixesNoiseIntoTheOutputAndTheUsageExtractorSkipsIt() {
        PreparedRun run = prepare(fx.context());
        FakeClis.Result clean = run(run, Map.of());
        FakeClis.Result noisy = run(run, Map.of("FAKE_CLI_MODE", "garbage"));
        assertThat(noisy.exitCode()).isZero();
        assertThat(noisy.stdout()).contains("fake noise before the output").isNotEqualTo(clean.stdout());
        String format = run.invocation().outputFormat();
        assertThat(UsageExtractor.extract(run.invocation().cli(), noisy.stdout(), format))
                .isEqualTo(UsageExtractor.extract(run.invocation().cli(), clean.stdout(), format));
    }

    @Test
    void versionFlagPrintsAVersion() {
        CliInvocation version = new CliInvocation(prepare(fx.context()).invocation().cli(), List.of("--version"),
                Map.of(), null, null, List.of(), false);
        FakeClis.Result result = fakes.run(version, fx.cwd, Map.of(), Duration.ofSeconds(20));
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).containsPattern("\\d+\\.\\d+\\.\\d+");
    }
}
