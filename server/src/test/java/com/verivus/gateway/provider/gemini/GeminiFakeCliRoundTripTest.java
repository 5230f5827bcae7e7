package com.verivus.gateway.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.provider.AbstractFakeCliRoundTripTest;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.provider.PreparedRun;
import com.verivus.gateway.provider.Usage;
import com.verivus.gateway.provider.UsageExtractor;
import com.verivus.gateway.testing.FakeClis;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeminiFakeCliRoundTripTest extends AbstractFakeCliRoundTripTest {

    @Override
    protected PreparedRun prepare(PrepareContext ctx) {
        return GeminiAdapter.prepare(GeminiRequest.builder("Explain").allowedTools(List.of("read_file")).json(true)
                .build(), ctx);
    }

    @Override
    protected void assertParsedAnswer(FakeClis.Result result, PreparedRun run) {
        GeminiResult parsed = GeminiJsonParser.parse(result.stdout());
        assertThat(parsed.response()).isEqualTo("fake gemini answer: Explain");
        assertThat(parsed.sessionId()).isEqualTo(run.session().effectiveSessionId());
        assertThat(UsageExtractor.extract(CliName.GEMINI, result.stdout(), "json")).isEqualTo(new Usage(11L, 7L, 3L, null, null));
    }

    @Test
    void attachmentsAndPolicyFilesReachTheCli() {
        Path notes = fx.file("notes.md", "n");
        fx.file("policy.toml", "");
        PreparedRun run = GeminiAdapter.prepare(GeminiRequest.builder("Read it").attachments(List.of(notes.toString()))
                .policyFiles(List.of("policy.toml")).build(), fx.context());
        FakeClis.Result result = run(run, Map.of());
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("fake gemini answer: @" + notes + " Read it\n");
    }
}
