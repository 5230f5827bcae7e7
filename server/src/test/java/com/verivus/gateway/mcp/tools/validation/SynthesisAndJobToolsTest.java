package com.verivus.gateway.mcp.tools.validation;

import static com.verivus.gateway.mcp.tools.validation.ToolHarness.body;
import static com.verivus.gateway.mcp.tools.validation.ToolHarness.jobId;
import static com.verivus.gateway.mcp.tools.validation.ToolHarness.map;
import static com.verivus.gateway.mcp.tools.validation.ToolHarness.report;
import static com.verivus.gateway.mcp.tools.validation.ToolHarness.result;
import static com.verivus.gateway.mcp.tools.validation.ToolHarness.results;
import static com.verivus.gateway.mcp.tools.validation.ToolHarness.run;
import static com.verivus.gateway.mcp.tools.validation.ToolHarness.strings;
import static com.verivus.gateway.mcp.tools.validation.ToolHarness.text;
import static com.verivus.gateway.validation.ValidationFixtures.argv;
import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.mcp.tools.validation.ToolHarness.Progress;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.validation.ValidationFixtures;
import com.verivus.gateway.validation.ValidationTestBase;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The judge (validate_with_models' judgeModel and synthesize_validation), job_status, job_result, compare_answers. */
class SynthesisAndJobToolsTest extends ValidationTestBase {

    static final Duration WAIT = Duration.ofSeconds(30);

    private ToolHarness harness(ValidationFixtures.Builder b, Duration wait) {
        fx = b.build();
        return new ToolHarness(fx, wait);
    }

    private List<Map<String, Object>> judgeRuns() {
        return fx.runs().stream().filter(m -> argv(m).stream().anyMatch(a -> a.startsWith("You are the explicit judge")))
                .toList();
    }

    @Test
    void theJudgeSynthesizesTheCompletedAnswersWithinTheSameCall() {
        ToolHarness h = harness(ValidationFixtures.in(dir).install(CliName.CLAUDE, "agree")
                .install(CliName.CODEX, "disagree").install(CliName.GEMINI, "agree"), WAIT);
        CallToolResult r = h.call("validate_with_models", Map.of("question", "Is it safe?", "judgeModel", "gemini",
                "models", List.of("claude", "codex")));

        Map<String, Object> synthesis = map(run(r).get("synthesis"));
        assertThat(synthesis).containsEntry("status", "completed").containsEntry("judgeModel", "gemini");
        assertThat((String) synthesis.get("note")).isEqualTo("Judge synthesis by Gemini CLI over 2 completed provider "
                + "result(s).");
        assertThat(map(synthesis.get("result"))).containsEntry("verdict", "synthesized").containsEntry("provider", "gemini");
        assertThat((String) synthesis.get("text")).contains("Reviewed providers: claude, codex")
                .contains("Disagreements: the reviewers disagree");
        String judgeJob = (String) map(synthesis.get("rawJobReference")).get("jobId");
        assertThat(strings(report(r).get("jobIds"))).hasSize(3).endsWith(judgeJob);
        assertThat(run(r)).containsEntry("status", "completed");
        assertThat(text(r)).contains("Judge synthesis (gemini): completed job=" + judgeJob + " verdict=synthesized")
                .contains("Reviewed providers: claude, codex");

        List<Map<String, Object>> judges = judgeRuns();
        assertThat(judges).hasSize(1);
        assertThat(judges.getFirst()).containsEntry("cli", "gemini");
        String prompt = argv(judges.getFirst()).get(1);
        assertThat(prompt).contains("Synthesize only from the provider results below. Preserve material disagreement.")
                .contains("Original request: Is it safe?");
        assertThat(h.progress).extracting(Progress::progress).containsExactly(0.0, 1.0, 2.0, 3.0);
        assertThat(h.progress).extracting(Progress::total).containsOnly(3.0);
        assertThat(h.progress.getLast().message()).isEqualTo("judge gemini finished");
    }

    @Test
    void theJudgeSeesOnlyCompletedResults() {
        ToolHarness h = harness(ValidationFixtures.in(dir).install(CliName.CLAUDE, "agree")
                .install(CliName.GROK, "fail").install(CliName.CODEX, "agree"), WAIT);
        CallToolResult r = h.call("validate_with_models", Map.of("question", "q", "judgeModel", "codex",
                "models", List.of("claude", "grok", "gemini")));
        Map<String, Object> synthesis = map(run(r).get("synthesis"));
        assertThat(synthesis).containsEntry("status", "completed");
        assertThat((String) synthesis.get("note")).contains("1 completed provider result(s); 2 non-completed result(s) "
                + "were preserved but omitted");
        assertThat((String) synthesis.get("text")).contains("Reviewed providers: claude\n");
    }

    @Test
    void noJudgeRunsWhenNoProviderCompleted() {
        ToolHarness h = harness(ValidationFixtures.in(dir).install(CliName.CLAUDE, "fail")
                .install(CliName.CODEX, "agree"), WAIT);
        CallToolResult r = h.call("validate_with_models", Map.of("question", "q", "judgeModel", "codex",
                "models", List.of("claude")));
        assertThat(map(run(r).get("synthesis"))).containsEntry("status", "skipped").containsEntry("rawJobReference", null);
        assertThat(report(r)).containsEntry("confidence", "none");
        assertThat(judgeRuns()).isEmpty();
    }

    @Test
    void aJudgeThatIsNotInstalledIsSkipped() {
        ToolHarness h = harness(ValidationFixtures.in(dir).install(CliName.CLAUDE, "agree"), WAIT);
        CallToolResult r = h.call("validate_with_models", Map.of("question", "q", "judgeModel", "grok",
                "models", List.of("claude")));
        Map<String, Object> synthesis = map(run(r).get("synthesis"));
        assertThat(synthesis).containsEntry("status", "skipped");
        assertThat((String) synthesis.get("note")).startsWith("Grok CLI was selected as judge but is not installed");
        assertThat(strings(report(r).get("limitations"))).anyMatch(l -> l.startsWith("Judge synthesis skipped: Grok CLI"));
    }

    @Test
    void aFailingJudgeIsReportedFailed() {
        ToolHarness h = harness(ValidationFixtures.in(dir).install(CliName.CLAUDE, "agree")
                .install(CliName.CODEX, "fail"), WAIT);
        CallToolResult r = h.call("validate_with_models", Map.of("question", "q", "judgeModel", "codex",
                "models", List.of("claude")));
        Map<String, Object> synthesis = map(run(r).get("synthesis"));
        assertThat(synthesis).containsEntry("status", "failed").containsEntry("text", null);
        assertThat((String) synthesis.get("note")).isEqualTo("The judge job failed: fake codex failure");
        assertThat(run(r)).containsEntry("status", "completed");
    }

    @Test
    void theJudgeWaitsForProviderResultsThatAreStillRunning() {
        ToolHarness h = harness(ValidationFixtures.in(dir).install(CliName.CLAUDE, "agree")
                .install(CliName.CODEX, "hang"), Duration.ofMillis(800));
        CallToolResult r = h.call("validate_with_models", Map.of("question", "q", "judgeModel", "claude"));
        assertThat(map(run(r).get("synthesis"))).containsEntry("status", "waiting_for_provider_results");
        assertThat(run(r)).containsEntry("status", "running");
        assertThat(judgeRuns()).isEmpty();
    }

    @Test
    void synthesizeValidationRereadsResultsThatWereRunningAndJudgesThem() {
        fx = ValidationFixtures.in(dir).install(CliName.CLAUDE, "agree").install(CliName.CODEX, "slow")
                .variable("FAKE_CLI_SLEEP_MS", "8000").build();
        // claude must have answered and codex still be running when the deadline passes, on a loaded machine too
        ToolHarness quick = new ToolHarness(fx, Duration.ofSeconds(4));
        CallToolResult started = quick.call("validate_with_models", Map.of("question", "Is 1 < 2?"));
        assertThat(result(started, "codex")).containsEntry("status", "running");

        ToolHarness patient = quick.waiting(WAIT);
        // the caller hands back the results exactly as the report gave them (codex still "running")
        CallToolResult r = patient.call("synthesize_validation", Map.of("question", "Is 1 < 2?",
                "providerResults", results(started), "judgeModel", "claude"));
        assertThat(r.isError()).isFalse();
        Map<String, Object> b = body(r);
        assertThat(b).containsEntry("success", true).containsEntry("tool", "synthesize_validation")
                .containsEntry("readMostly", true);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> current = (List<Map<String, Object>>) b.get("providerResults");
        assertThat(current).extracting(m -> m.get("status")).containsExactly("completed", "completed");
        assertThat(current.get(1)).containsEntry("verdict", "correct");
        Map<String, Object> synthesis = map(b.get("synthesis"));
        assertThat(synthesis).containsEntry("status", "completed").containsEntry("judgeModel", "claude");
        assertThat((String) synthesis.get("text")).contains("Reviewed providers: claude, codex");
        assertThat(text(r)).startsWith("Judge synthesis (claude): completed").contains("- codex: completed verdict=correct");
        assertThat(patient.progress).extracting(Progress::message).contains("1 of 1 providers finished",
                "judge claude finished");
    }

    @Test
    void synthesizeValidationWithResultsThatNeverCompletedSkipsTheJudge() {
        ToolHarness h = harness(ValidationFixtures.in(dir).install(CliName.CODEX, "agree"), WAIT);
        Map<String, Object> failed = new LinkedHashMap<>();
        failed.put("provider", "claude");
        failed.put("model", null);
        failed.put("status", "failed");
        failed.put("verdict", "failed");
        failed.put("rationale", "boom");
        failed.put("risks", List.of("boom"));
        failed.put("rawJobReference", null);
        failed.put("error", "boom");
        CallToolResult r = h.call("synthesize_validation", Map.of("question", "q", "providerResults", List.of(failed)));
        assertThat(map(body(r).get("synthesis"))).containsEntry("status", "skipped").containsEntry("judgeModel", "codex");
        assertThat(fx.runs()).isEmpty();
    }

    @Test
    void synthesizeValidationRejectsMalformedResults() {
        ToolHarness h = harness(ValidationFixtures.in(dir).install(CliName.CODEX, "agree"), WAIT);
        CallToolResult bad = h.call("synthesize_validation", Map.of("question", "q",
                "providerResults", List.of(Map.of("provider", "gpt", "status", "completed"))));
        assertThat(bad.isError()).isTrue();
        assertThat(text(bad)).startsWith("providerResults[0].provider: must be one of claude, codex");
        CallToolResult badRef = h.call("synthesize_validation", Map.of("question", "q", "providerResults", List.of(
                Map.of("provider", "claude", "status", "completed", "rawJobReference",
                        Map.of("jobId", "j", "correlationId", "c", "statusTool", "llm_job_status",
                                "resultTool", "job_result")))));
        assertThat(text(badRef)).isEqualTo("providerResults[0].rawJobReference.statusTool: must be \"job_status\"");
        assertThat(text(h.call("synthesize_validation", Map.of("question", "q", "providerResults", List.of()))))
                .isEqualTo("Input validation error: providerResults: needs at least 1 item(s)");
        assertThat(text(h.call("synthesize_validation", Map.of("question", "q", "providerResults", List.of("x")))))
                .isEqualTo("Input validation error: providerResults: expected an array of objects");
    }

    @Test
    void anUnknownJobIdIsAnError() {
        ToolHarness h = harness(ValidationFixtures.in(dir), WAIT);
        for (String tool : List.of("job_status", "job_result")) {
            CallToolResult r = h.call(tool, Map.of("jobId", "no-such-job"));
            assertThat(r.isError()).as(tool).isTrue();
            assertThat(body(r)).containsExactly(Map.entry("success", false), Map.entry("error", "Job not found"),
                    Map.entry("jobId", "no-such-job"));
            assertThat(text(r)).isEqualTo("{\n  \"success\": false,\n  \"error\": \"Job not found\",\n"
                    + "  \"jobId\": \"no-such-job\"\n}");
            assertThat(ToolHarness.schemaErrors(h.tool(tool), r.structuredContent())).isEmpty();
        }
    }

    @Test
    void jobStatusAndJobResultReadAValidationJobAndNormalizeIt() {
        ToolHarness h = harness(ValidationFixtures.in(dir).install(CliName.CODEX, "disagree"), WAIT);
        CallToolResult run = h.call("second_opinion", Map.of("answer", "The earth is flat."));
        String jobId = jobId(result(run, "codex"));

        CallToolResult status = h.call("job_status", Map.of("jobId", jobId));
        assertThat(map(body(status).get("job"))).containsEntry("id", jobId).containsEntry("status", "completed")
                .containsEntry("exitCode", 0).containsEntry("cli", "codex");

        CallToolResult res = h.call("job_result", Map.of("jobId", jobId));
        Map<String, Object> result = map(body(res).get("result"));
        assertThat((String) result.get("stdout")).startsWith("Verdict: incorrect\n");
        assertThat(result).containsEntry("stdoutTruncated", false);
        Map<String, Object> normalized = map(body(res).get("normalized"));
        assertThat(normalized).containsEntry("provider", "codex").containsEntry("status", "completed")
                .containsEntry("verdict", "incorrect");
        assertThat(strings(normalized.get("risks"))).containsExactly("Risks: the claim ignores edge cases");

        CallToolResult asClaude = h.call("job_result", Map.of("jobId", jobId, "provider", "claude", "maxChars", 1000));
        assertThat(map(body(asClaude).get("normalized"))).containsEntry("provider", "claude");
    }

    @Test
    void compareAnswersIsALocalChecklist() {
        ToolHarness h = harness(ValidationFixtures.in(dir).install(CliName.CLAUDE, "agree"), WAIT);
        CallToolResult r = h.call("compare_answers", Map.of("question", "q", "answers", List.of("a", "b", "c")));
        assertThat(body(r)).containsEntry("success", true).containsEntry("tool", "compare_answers")
                .containsEntry("readMostly", true);
        assertThat(map(body(r).get("comparison"))).containsEntry("question", "q").containsEntry("answerCount", 3)
                .containsEntry("checks", List.of("agreement", "contradictions", "missing evidence",
                        "actionable recommendation"))
                .containsEntry("status", "local_summary_only")
                .containsEntry("note", "Use validate_with_models when independent provider review is needed.");
        assertThat(text(r)).startsWith("{\n  \"success\": true,\n  \"tool\": \"compare_answers\"");
        assertThat(text(h.call("compare_answers", Map.of("question", "q", "answers", List.of("a")))))
                .isEqualTo("Input validation error: answers: needs at least 2 item(s)");
        assertThat(fx.allInvocations()).isEmpty();
    }
}
