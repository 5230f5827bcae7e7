package com.verivus.gateway.provider.claude;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.provider.AbstractFakeCliRoundTripTest;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.McpServerName;
import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.provider.PreparedRun;
import com.verivus.gateway.provider.Usage;
import com.verivus.gateway.provider.UsageExtractor;
import com.verivus.gateway.testing.FakeClis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClaudeFakeCliRoundTripTest extends AbstractFakeCliRoundTripTest {

    @BeforeEach
    void installSqry() throws Exception {
        Path bin = Files.createDirectories(fx.home.resolve(".local/bin"));
        Files.writeString(bin.resolve("sqry-mcp"), "#!/bin/sh\n");
        assertThat(bin.resolve("sqry-mcp").toFile().setExecutable(true)).isTrue();
    }

    @Override
    protected PreparedRun prepare(PrepareContext ctx) {
        return ClaudeAdapter.prepare(ClaudeRequest.builder("Summarise the repo").model("opus")
                .outputFormat(ClaudeOutputFormat.STREAM_JSON).allowedTools(List.of("Read", "Grep"))
                .sessionId("5b0a4f52-6a7e-4a8e-9d55-7f7f1f6c2b10").mcpServers(McpServerName.SQRY).build(),
                Optional.empty(), ctx);
    }

    @Override
    protected void assertParsedAnswer(FakeClis.Result result, PreparedRun run) {
        ClaudeResult parsed = ClaudeOutputParser.parseStreamJson(result.stdout());
        assertThat(parsed.text()).isEqualTo("fake claude answer: Summarise the repo");
        assertThat(parsed.sessionId()).isEqualTo("5b0a4f52-6a7e-4a8e-9d55-7f7f1f6c2b10");
        assertThat(parsed.model()).isEqualTo("opus");
        assertThat(UsageExtractor.extract(CliName.CLAUDE, result.stdout(), run.invocation().outputFormat()))
                .isEqualTo(new Usage(11L, 7L, 3L, 2L, 0.0123));
    }

    @Test
    @SuppressWarnings("unchecked")
    void generatedMcpConfigIsReadableByTheCliAndPrivate() {
        run(prepare(fx.context()), Map.of());
        Map<String, Object> files = (Map<String, Object>) fakes.lastRecord().get("files");
        Map<String, Object> config = (Map<String, Object>) files.values().iterator().next();
        assertThat(config).containsEntry("exists", true).containsEntry("mode", "0o600");
        assertThat((String) config.get("content")).contains("sqry-mcp");
    }

    @Test
    void jsonAndTextOutputsToo() {
        PreparedRun json = ClaudeAdapter.prepare(ClaudeRequest.builder("q").outputFormat(ClaudeOutputFormat.JSON).build(),
                Optional.empty(), fx.context());
        FakeClis.Result jr = run(json, Map.of());
        assertThat(ClaudeOutputParser.parseJson(jr.stdout()).costUsd()).isEqualTo(0.0123);
        PreparedRun text = ClaudeAdapter.prepare(ClaudeRequest.builder("q").continueLatest(true).build(),
                Optional.empty(), fx.context());
        assertThat(run(text, Map.of()).stdout()).isEqualTo("fake claude answer: q\n");
    }

    @Test
    void streamJsonWithoutVerboseIsWhatTodaysClaudeRefuses() {
        PreparedRun run = prepare(fx.context());
        List<String> withoutVerbose = run.invocation().args().stream().filter(a -> !a.equals("--verbose")).toList();
        FakeClis.Result r = fakes.run(new com.verivus.gateway.provider.CliInvocation(CliName.CLAUDE, withoutVerbose,
                Map.of(), "stream-json", null, List.of(), false), fx.cwd, Map.of(), java.time.Duration.ofSeconds(20));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("requires --verbose");
    }
}
