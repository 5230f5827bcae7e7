package com.verivus.gateway.provider.codex;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.provider.AbstractFakeCliRoundTripTest;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.provider.PreparedRun;
import com.verivus.gateway.provider.SharedRequest;
import com.verivus.gateway.provider.Usage;
import com.verivus.gateway.provider.UsageExtractor;
import com.verivus.gateway.testing.FakeClis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodexFakeCliRoundTripTest extends AbstractFakeCliRoundTripTest {

    static final String THREAD = "0199a213-81c0-7800-8aa1-bbab2a035a53";

    @Override
    protected PreparedRun prepare(PrepareContext ctx) {
        return CodexAdapter.prepare(CodexRequest.builder("Fix the bug").model("gpt-5.5").fullAuto(true)
                .outputFormat(CodexOutputFormat.JSON).configOverrides(Map.of("model_reasoning_effort", "\"high\""))
                .build(), Optional.empty(), ctx);
    }

    @Override
    protected void assertParsedAnswer(FakeClis.Result result, PreparedRun run) {
        CodexEvents events = CodexJsonlParser.parse(result.stdout());
        assertThat(events.finalMessage()).isEqualTo("fake codex answer: Fix the bug");
        assertThat(events.threadId()).isNotBlank();
        assertThat(UsageExtractor.extract(CliName.CODEX, result.stdout(), "json")).isEqualTo(new Usage(11L, 7L, 3L, null, null));
    }

    @Test
    void threadIdRecordedAfterOneRunIsWhatTheNextResumeSends() {
        FakeClis.Result first = run(prepare(fx.context()), Map.of("FAKE_CLI_SESSION_ID", THREAD));
        PreparedRun firstRun = prepare(fx.context());
        String gatewaySession = firstRun.session().effectiveSessionId();
        String thread = CodexThreadId.find(first.stdout(), first.stderr()).orElseThrow();
        assertThat(thread).isEqualTo(THREAD);
        fx.thread(gatewaySession, thread);

        PreparedRun resume = CodexAdapter.prepare(CodexRequest.builder("Continue").sessionId(gatewaySession).build(),
                Optional.empty(), fx.context());
        FakeClis.Result second = run(resume, Map.of());
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(fakes.lastRecord().get("argv")).isEqualTo(List.of("exec", "resume", "--skip-git-repo-check", THREAD,
                "Continue"));
        assertThat(CodexThreadId.find(second.stdout(), second.stderr())).contains(THREAD);
    }

    @Test
    @SuppressWarnings("unchecked")
    void objectOutputSchemaExistsPrivatelyDuringTheRun() throws Exception {
        PreparedRun run = CodexAdapter.prepare(CodexRequest.builder("q").outputSchema(Map.of("type", "object")).build(),
                Optional.empty(), fx.context());
        Path schema = run.invocation().tempFiles().get(0);
        FakeClis.Result result = run(run, Map.of());
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        Map<String, Object> seen = (Map<String, Object>) ((Map<String, Object>) fakes.lastRecord().get("files"))
                .get(schema.toString());
        assertThat(seen).containsEntry("exists", true).containsEntry("mode", "0o600")
                .containsEntry("content", "{\"type\":\"object\"}");
        Files.delete(schema); // the job engine's part; done here so the temp dir is left clean
    }

    @Test
    void forkRunsNonInteractivelyThroughExecFork() {
        fx.thread("S", THREAD);
        PreparedRun fork = CodexAdapter.prepareFork(new CodexForkRequest(SharedRequest.of("Try another way"), "S",
                false, CodexSandboxMode.READ_ONLY, CodexApprovalPolicy.NEVER), Optional.empty(), fx.context());
        FakeClis.Result result = run(fork, Map.of());
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("fake codex answer: Try another way\n");
        assertThat(fakes.lastRecord().get("argv")).isEqualTo(List.of("exec", "fork", "-c", "sandbox_mode=\"read-only\"",
                "-c", "approval_policy=\"never\"", "--skip-git-repo-check", THREAD, "Try another way"));
    }

    @Test
    void textModeThreadIdComesFromTheHeader() {
        PreparedRun run = CodexAdapter.prepare(CodexRequest.builder("q").build(), Optional.empty(), fx.context());
        FakeClis.Result result = run(run, Map.of("FAKE_CLI_SESSION_ID", THREAD));
        assertThat(result.stdout()).isEqualTo("fake codex answer: q\n");
        assertThat(CodexThreadId.find(result.stdout(), result.stderr())).contains(THREAD);
    }

    @Test
    void imageBeforeThePromptDoesNotSwallowIt() {
        Path img = fx.file("shot.png", "png");
        PreparedRun run = CodexAdapter.prepare(CodexRequest.builder("Describe").images(List.of(img.toString())).build(),
                Optional.empty(), fx.context());
        assertThat(run(run, Map.of()).stdout()).isEqualTo("fake codex answer: Describe\n");
    }
}
