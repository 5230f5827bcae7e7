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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * validate_with_models, second_opinion, red_team_review, consensus_check and ask_model end to end
 * through ToolCatalog.invoke, against fake provider CLIs on the job engine's PATH that agree,
 * disagree, fail, hang or are not installed.
 */
class ValidationRunToolsTest extends ValidationTestBase {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String HEADER = "You are one independent reviewer in a personal cross-LLM validation run.";

    private ToolHarness harness(ValidationFixtures.Builder b, Duration wait) {
        fx = b.build();
        return new ToolHarness(fx, wait);
    }

    private ValidationFixtures.Builder fakes() {
        return ValidationFixtures.in(dir);
    }

    private Map<String, Object> runOf(String exe) {
        List<Map<String, Object>> runs = fx.runs().stream().filter(m -> exe.equals(m.get("cli"))).toList();
        assertThat(runs).as("runs of " + exe).hasSize(1);
        return runs.getFirst();
    }

    @Test
    void agreeingProvidersGiveACompletedReportWithHighConfidence() {
        ToolHarness h = harness(fakes().install(CliName.CLAUDE, "agree").install(CliName.CODEX, "agree"), WAIT);
        CallToolResult r = h.call("validate_with_models", Map.of("question", "Is 2 + 2 = 4?"));

        assertThat(r.isError()).isFalse();
        assertThat(body(r)).containsEntry("success", true).containsEntry("tool", "validate_with_models")
                .containsEntry("readMostly", true);
        assertThat(run(r)).containsEntry("success", true).containsEntry("status", "completed")
                .containsEntry("intent", "validate").containsEntry("modelList", List.of("claude", "codex"));
        assertThat(map(run(r).get("originalRequest"))).containsEntry("question", "Is 2 + 2 = 4?")
                .containsEntry("focus", "correctness, missing assumptions, and practical next steps");
        for (String p : List.of("claude", "codex")) {
            assertThat(result(r, p)).containsEntry("status", "completed").containsEntry("verdict", "correct")
                    .containsEntry("model", p.equals("claude") ? "2.1.332 (Claude Code)" : "codex-cli 0.169.0")
                    .containsEntry("error", null);
            assertThat(strings(result(r, p).get("risks"))).containsExactly("Risks: none significant");
            assertThat((String) result(r, p).get("rationale")).startsWith("Verdict: correct\nRationale: the answer holds");
            assertThat(map(result(r, p).get("rawJobReference"))).containsEntry("statusTool", "job_status")
                    .containsEntry("resultTool", "job_result");
        }
        Map<String, Object> report = report(r);
        assertThat(report).containsEntry("confidence", "high").containsEntry("status", "completed");
        assertThat(map(report.get("disagreements"))).containsEntry("hasMaterialDisagreement", false)
                .containsEntry("signals", List.of());
        assertThat(strings(report.get("jobIds"))).containsExactly(jobId(result(r, "claude")), jobId(result(r, "codex")));
        assertThat(map(report.get("synthesis"))).containsEntry("status", "not_requested");
        assertThat(map(run(r).get("report"))).containsEntry("schemaVersion", "validation-report.v1");

        // the text content is the human-readable report; structuredContent keeps everything
        assertThat(text(r)).startsWith("Validation report " + run(r).get("validationId"))
                .contains("- claude: completed verdict=correct job=" + jobId(result(r, "claude")))
                .contains("Confidence: high");
        assertThat(text(r)).isEqualTo(map(run(r).get("report")).get("humanReadable"));

        // one job per provider, with the documented argv
        List<String> claude = argv(runOf("claude"));
        List<String> codex = argv(runOf("codex"));
        assertThat(claude).hasSize(2).first().isEqualTo("-p");
        assertThat(codex).hasSize(3).startsWith("exec", "--skip-git-repo-check");
        String prompt = claude.get(1);
        assertThat(codex.get(2)).isEqualTo(prompt);
        assertThat(prompt).startsWith(HEADER)
                .contains("Return a concise answer with these headings: Verdict, Rationale, Risks, Suggested next step.")
                .contains("Focus: correctness, missing assumptions, and practical next steps")
                .endsWith("\n\nIs 2 + 2 = 4?");
    }

    @Test
    void progressSaysHowManyProvidersFinished() {
        ToolHarness h = harness(fakes().install(CliName.CLAUDE, "agree").install(CliName.CODEX, "agree")
                .install(CliName.GROK, "disagree"), WAIT);
        h.call("validate_with_models", Map.of("question", "q", "models", List.of("claude", "codex", "grok")));
        assertThat(h.progress).extracting(Progress::progress).containsExactly(0.0, 1.0, 2.0, 3.0);
        assertThat(h.progress).extracting(Progress::total).containsOnly(3.0);
        assertThat(h.progress).extracting(Progress::message).containsExactly("0 of 3 providers finished",
                "1 of 3 providers finished", "2 of 3 providers finished", "3 of 3 providers finished");
    }

    @Test
    void disagreeingProvidersKeepBothVerdictsAndLowConfidence() {
        ToolHarness h = harness(fakes().install(CliName.CLAUDE, "agree").install(CliName.CODEX, "disagree"), WAIT);
        CallToolResult r = h.call("validate_with_models", Map.of("question", "Is the sky green?"));
        assertThat(result(r, "claude")).containsEntry("verdict", "correct");
        assertThat(result(r, "codex")).containsEntry("verdict", "incorrect");
        Map<String, Object> report = report(r);
        assertThat(report).containsEntry("confidence", "low");
        assertThat(map(report.get("disagreements"))).containsEntry("hasMaterialDisagreement", true);
        assertThat(strings(map(report.get("disagreements")).get("signals"))).containsExactly(
                "Completed providers returned 2 different verdicts: \"correct\" (claude) vs \"incorrect\" (codex).");
        assertThat((String) report.get("finalRecommendation")).contains("resolve disagreements manually");
        assertThat(text(r)).contains("Confidence: low").contains("verdict=incorrect");
    }

    @Test
    void aFailingProviderIsReportedFailedWithItsStderrAndLowersConfidence() {
        ToolHarness h = harness(fakes().install(CliName.CLAUDE, "agree").install(CliName.CODEX, "fail"), WAIT);
        CallToolResult r = h.call("validate_with_models", Map.of("question", "q"));
        assertThat(r.isError()).isFalse();
        assertThat(result(r, "codex")).containsEntry("status", "failed").containsEntry("verdict", "failed")
                .containsEntry("error", "fake codex failure")
                .containsEntry("rationale", "fake codex failure");
        assertThat(strings(result(r, "codex").get("risks"))).containsExactly("fake codex failure");
        assertThat(report(r)).containsEntry("confidence", "low").containsEntry("status", "completed");
        assertThat(strings(map(report(r).get("disagreements")).get("signals"))).containsExactly("codex is failed.");
        assertThat(text(r)).contains("- codex: failed verdict=failed").contains("Error: fake codex failure");
    }

    @Test
    void aProviderThatIsNotInstalledIsSkippedAndNothingIsSpawnedForIt() {
        ToolHarness h = harness(fakes().install(CliName.CLAUDE, "agree"), WAIT);
        CallToolResult r = h.call("validate_with_models", Map.of("question", "q", "models", List.of("claude", "gemini")));
        assertThat(result(r, "gemini")).containsEntry("status", "skipped").containsEntry("verdict", "not_run")
                .containsEntry("rawJobReference", null).containsEntry("model", null);
        assertThat((String) result(r, "gemini").get("error"))
                .startsWith("Gemini CLI runtime is not installed").contains("'gemini' is not on PATH");
        assertThat(run(r)).containsEntry("success", true).containsEntry("status", "completed");
        assertThat(report(r)).containsEntry("confidence", "low");
        assertThat(strings(report(r).get("jobIds"))).hasSize(1);
        assertThat(fx.runs()).extracting(m -> m.get("cli")).containsExactly("claude");
        assertThat(h.progress).extracting(Progress::total).containsOnly(1.0);
    }

    @Test
    void aCliWhoseVersionProbeFailsCountsAsNotInstalled() {
        ToolHarness h = harness(fakes().install(CliName.CLAUDE, "agree").install(CliName.GROK, "no-version"), WAIT);
        CallToolResult r = h.call("consensus_check", Map.of("claim", "c", "models", List.of("claude", "grok")));
        assertThat(result(r, "grok")).containsEntry("status", "skipped");
        assertThat((String) result(r, "grok").get("error")).contains("'grok --version' exited with 1");
    }

    @Test
    void withNoProviderInstalledTheRunIsNotStartedWithConfidenceNone() {
        ToolHarness h = harness(fakes(), WAIT);
        CallToolResult r = h.call("validate_with_models", Map.of("question", "q"));
        assertThat(r.isError()).isFalse();
        assertThat(body(r)).containsEntry("success", true);
        assertThat(run(r)).containsEntry("success", false).containsEntry("status", "not_started");
        assertThat(report(r)).containsEntry("confidence", "none").containsEntry("jobIds", List.of());
        assertThat(results(r)).extracting(m -> m.get("status")).containsExactly("skipped", "skipped");
        assertThat(h.progress).isEmpty();
        assertThat(fx.runs()).isEmpty();
    }

    @Test
    void aHangingProviderIsReportedRunningWithItsJobIdWhenTheWaitEnds() {
        ToolHarness h = harness(fakes().install(CliName.CLAUDE, "agree").install(CliName.CODEX, "hang"),
                Duration.ofMillis(1500));
        long t0 = System.nanoTime();
        CallToolResult r = h.call("validate_with_models", Map.of("question", "q"));
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(tookMs).isBetween(1400L, 10_000L);

        assertThat(result(r, "claude")).containsEntry("status", "completed");
        Map<String, Object> codex = result(r, "codex");
        assertThat(codex).containsEntry("status", "running").containsEntry("verdict", "pending");
        assertThat(run(r)).containsEntry("status", "running");
        assertThat(report(r)).containsEntry("confidence", "low");
        assertThat(strings(map(report(r).get("disagreements")).get("signals"))).containsExactly("codex is still pending.");
        assertThat(strings(report(r).get("limitations")).getFirst()).contains("still running");
        assertThat((String) run(r).get("next")).contains("job_status").contains("synthesize_validation");
        assertThat(h.progress).extracting(Progress::message).containsExactly("0 of 2 providers finished",
                "1 of 2 providers finished");

        CallToolResult status = h.call("job_status", Map.of("jobId", jobId(codex)));
        assertThat(map(body(status).get("job"))).containsEntry("status", "running").containsEntry("cli", "codex");
    }

    @Test
    void aDedupedCompletedProviderJobCountsAsCompletedNotNotStarted() {
        ToolHarness h = harness(fakes().install(CliName.CLAUDE, "agree"), WAIT);
        CallToolResult first = h.call("ask_model", Map.of("question", "What is 6 x 7?"));
        CallToolResult second = h.call("ask_model", Map.of("question", "What is 6 x 7?"));

        assertThat(fx.runs()).as("the identical request ran once").hasSize(1);
        Map<String, Object> reused = result(second, "claude");
        assertThat(reused).containsEntry("status", "completed").containsEntry("verdict", "correct");
        assertThat(jobId(reused)).isEqualTo(jobId(result(first, "claude")));
        // the reference names this run (its flight-recorder row), not the earlier run whose job it reused
        assertThat((String) map(reused.get("rawJobReference")).get("correlationId"))
                .isEqualTo("validation-" + run(second).get("validationId") + "-claude");
        assertThat(run(second)).containsEntry("success", true).containsEntry("status", "completed");
        assertThat(report(second)).containsEntry("confidence", "medium");
        assertThat(h.progress).extracting(Progress::message).containsExactly("0 of 1 providers finished",
                "1 of 1 providers finished");
    }

    @Test
    void oneCompletedAnswerGivesMediumConfidence() {
        ToolHarness h = harness(fakes().install(CliName.CODEX, "markdown"), WAIT);
        CallToolResult r = h.call("second_opinion", Map.of("answer", "42"));
        assertThat(result(r, "codex")).containsEntry("status", "completed").containsEntry("verdict", "Correct - the answer holds.");
        assertThat(strings(result(r, "codex").get("risks"))).containsExactly("Risky when inputs are huge",
                "Untested on Windows");
        assertThat(report(r)).containsEntry("confidence", "medium");
        String prompt = argv(runOf("codex")).get(2);
        assertThat(prompt).startsWith(HEADER).contains("\nOriginal question: (not provided)\n\nAnswer to review:\n42");
    }

    @Test
    void eachIntentSendsItsOwnPrompt() {
        ToolHarness h = harness(fakes().install(CliName.CLAUDE, "agree").install(CliName.GEMINI, "agree")
                .install(CliName.MISTRAL, "agree").install(CliName.GROK, "agree"), WAIT);

        h.call("red_team_review", Map.of("content", "Plan: rm -rf /", "riskLevel", "high", "models", List.of("gemini")));
        List<String> gemini = argv(runOf("gemini"));
        assertThat(gemini).hasSize(2).first().as("gemini takes -p, never a positional prompt").isEqualTo("-p");
        assertThat(gemini.get(1)).startsWith(HEADER).contains("Review intensity: high")
                .contains("Challenge assumptions, unsafe advice, unsupported claims, and likely failure modes.")
                .endsWith("\n\nPlan: rm -rf /");

        h.call("consensus_check", Map.of("claim", "Water boils at 100 C at sea level.", "models", List.of("mistral")));
        List<String> vibe = argv(runOf("vibe"));
        assertThat(vibe).hasSize(2).first().isEqualTo("-p");
        assertThat(vibe.get(1)).startsWith(HEADER)
                .contains("Assess whether the claim is true, false, uncertain, or context-dependent.")
                .endsWith("\n\nClaim: Water boils at 100 C at sea level.");

        CallToolResult asked = h.call("ask_model", Map.of("question", "-- raw question, sent as is", "model", "grok"));
        assertThat(argv(runOf("grok"))).containsExactly("-p", "-- raw question, sent as is");
        assertThat(run(asked)).containsEntry("intent", "ask_model");

        h.call("second_opinion", Map.of("answer", "Paris", "question", "Capital of France?", "model", "claude"));
        assertThat(argv(runOf("claude")).get(1)).contains("Original question: Capital of France?\n\nAnswer to review:\nParis");
    }

    @Test
    void anAnswerWithoutAVerdictLineIsAnswered() {
        ToolHarness h = harness(fakes().install(CliName.CLAUDE, "plain").install(CliName.CODEX, "plain"), WAIT);
        CallToolResult r = h.call("validate_with_models", Map.of("question", "Capital of France?"));
        assertThat(results(r)).extracting(m -> m.get("verdict")).containsOnly("answered");
        assertThat(report(r)).containsEntry("confidence", "high");
    }

    @Test
    void aProviderThatPrintsNothingIsNotCountedAsAgreeing() {
        ToolHarness h = harness(fakes().install(CliName.CLAUDE, "agree").install(CliName.CODEX, "empty"), WAIT);
        CallToolResult r = h.call("validate_with_models", Map.of("question", "q"));
        assertThat(result(r, "codex")).containsEntry("status", "completed").containsEntry("verdict", null);
        assertThat(report(r)).containsEntry("confidence", "low");
        assertThat(strings(map(report(r).get("disagreements")).get("signals")))
                .containsExactly("codex completed but printed nothing.");
    }

    @Test
    void aViolatingArgvIsRejectedBeforeAnythingIsSpawned() {
        fx = fakes().install(CliName.CLAUDE, "agree").install(CliName.GEMINI, "agree").build();
        ToolHarness h = new ToolHarness(fx, WAIT, (cli, args) -> {
            if (cli == CliName.GEMINI) {
                throw new IllegalArgumentException("Upstream gemini CLI contract violation: Unsupported gemini CLI flag "
                        + "\"-p\" for bundled upstream contract");
            }
        });
        CallToolResult r = h.call("validate_with_models", Map.of("question", "q", "models", List.of("claude", "gemini")));
        assertThat(r.isError()).isTrue();
        assertThat(text(r)).isEqualTo("Upstream gemini CLI contract violation: Unsupported gemini CLI flag \"-p\" for "
                + "bundled upstream contract");
        assertThat(fx.allInvocations()).as("no job and not even a version probe").isEmpty();
    }

    @Test
    void aJudgeTheContractRefusesIsRejectedBeforeTheProvidersRun() {
        fx = fakes().install(CliName.CLAUDE, "agree").install(CliName.CODEX, "agree").build();
        ToolHarness h = new ToolHarness(fx, WAIT, (cli, args) -> {
            if (args.getFirst().equals("-p") && args.get(1).startsWith("You are the explicit judge model")) {
                throw new IllegalArgumentException("judge prompt refused");
            }
        });
        CallToolResult r = h.call("validate_with_models", Map.of("question", "q", "models", List.of("codex"),
                "judgeModel", "claude"));
        assertThat(r.isError()).isTrue();
        assertThat(text(r)).isEqualTo("Upstream claude CLI contract violation: judge prompt refused");
        assertThat(fx.allInvocations()).isEmpty();
    }

    @Test
    void badArgumentsAreClearErrors() {
        ToolHarness h = harness(fakes().install(CliName.CLAUDE, "agree"), WAIT);
        assertThat(text(h.call("validate_with_models", Map.of("question", "q", "models", List.of()))))
                .isEqualTo("Input validation error: models: needs at least 1 item(s)");
        assertThat(text(h.call("validate_with_models", Map.of("question", "q", "models", List.of("gpt")))))
                .startsWith("Input validation error: models: items must be one of claude, codex, gemini, grok, mistral");
        assertThat(text(h.call("validate_with_models", Map.of("question", ""))))
                .isEqualTo("Input validation error: question: must be at least 1 character");
        assertThat(text(h.call("ask_model", Map.of("question", "x".repeat(100_001)))))
                .isEqualTo("Input validation error: question: Prompt too long (max 100k chars)");
        assertThat(text(h.call("red_team_review", Map.of("content", "c", "riskLevel", "extreme"))))
                .startsWith("Input validation error: riskLevel: must be one of normal, high");
        assertThat(fx.runs()).isEmpty();
    }

    @Test
    void duplicateProvidersAreAskedOnce() {
        ToolHarness h = harness(fakes().install(CliName.CLAUDE, "agree"), WAIT);
        CallToolResult r = h.call("validate_with_models", Map.of("question", "dup", "models",
                List.of("claude", "claude")));
        assertThat(run(r)).containsEntry("modelList", List.of("claude"));
        assertThat(fx.runs()).hasSize(1);
    }
}
