package com.verivus.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.provider.CliName;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The confidence, disagreement and status rules of §10.8, and the report around them. */
class ValidationReportTest {

    static final ValidationRequest REQUEST = new ValidationRequest(ValidationIntent.VALIDATE, "q", null,
            ValidationRequest.DEFAULT_FOCUS, null, List.of(CliName.CLAUDE, CliName.CODEX, CliName.GEMINI), null);
    static final Synthesis NONE = Synthesis.of(SynthesisStatus.NOT_REQUESTED, null, "none");

    private static NormalizedResult r(CliName cli, ResultStatus status, String verdict) {
        return new NormalizedResult(cli, null, status, verdict, "why", List.of(),
                status == ResultStatus.SKIPPED ? null : new RawJobReference("job-" + cli.key(), "c"), null, null);
    }

    private static ValidationReport report(Synthesis synthesis, NormalizedResult... results) {
        return ValidationReport.of("vid", Instant.parse("2026-01-01T00:00:00Z"), REQUEST, List.of(results), synthesis);
    }

    private static ValidationReport report(NormalizedResult... results) {
        return report(NONE, results);
    }

    @Test
    void noCompletedAnswerMeansNoConfidence() {
        assertThat(report(r(CliName.CLAUDE, ResultStatus.FAILED, "failed")).confidence())
                .isEqualTo(ValidationConfidence.NONE);
        assertThat(report(r(CliName.CLAUDE, ResultStatus.RUNNING, "pending")).confidence())
                .isEqualTo(ValidationConfidence.NONE);
        assertThat(report(r(CliName.CLAUDE, ResultStatus.COMPLETED, null)).confidence())
                .as("an empty answer is not an answer").isEqualTo(ValidationConfidence.NONE);
    }

    @Test
    void anyDisagreementMeansLowConfidence() {
        assertThat(report(r(CliName.CLAUDE, ResultStatus.COMPLETED, "correct"),
                r(CliName.CODEX, ResultStatus.COMPLETED, "incorrect")).confidence()).isEqualTo(ValidationConfidence.LOW);
        assertThat(report(r(CliName.CLAUDE, ResultStatus.COMPLETED, "correct"),
                r(CliName.CODEX, ResultStatus.SKIPPED, "not_run")).confidence()).isEqualTo(ValidationConfidence.LOW);
        assertThat(report(r(CliName.CLAUDE, ResultStatus.COMPLETED, "correct"),
                r(CliName.CODEX, ResultStatus.RUNNING, "pending")).confidence()).isEqualTo(ValidationConfidence.LOW);
        assertThat(report(r(CliName.CLAUDE, ResultStatus.COMPLETED, "correct"),
                r(CliName.CODEX, ResultStatus.ORPHANED, "orphaned")).confidence()).isEqualTo(ValidationConfidence.LOW);
    }

    @Test
    void oneAnswerIsMediumAndSeveralAgreeingAnswersAreHigh() {
        assertThat(report(r(CliName.CLAUDE, ResultStatus.COMPLETED, "correct")).confidence())
                .isEqualTo(ValidationConfidence.MEDIUM);
        ValidationReport agreeing = report(r(CliName.CLAUDE, ResultStatus.COMPLETED, "Correct."),
                r(CliName.CODEX, ResultStatus.COMPLETED, "**correct** - it holds"),
                r(CliName.GEMINI, ResultStatus.COMPLETED, "CORRECT"));
        assertThat(agreeing.confidence()).isEqualTo(ValidationConfidence.HIGH);
        assertThat(agreeing.disagreements().hasMaterialDisagreement()).isFalse();
        assertThat(agreeing.disagreements().summary()).startsWith("Completed providers do not show");
    }

    @Test
    void disagreementSignalsNameTheProviders() {
        Disagreements d = report(r(CliName.CLAUDE, ResultStatus.COMPLETED, "correct"),
                r(CliName.CODEX, ResultStatus.COMPLETED, "incorrect"), r(CliName.GEMINI, ResultStatus.FAILED, "failed"))
                .disagreements();
        assertThat(d.hasMaterialDisagreement()).isTrue();
        assertThat(d.signals()).containsExactly(
                "Completed providers returned 2 different verdicts: \"correct\" (claude) vs \"incorrect\" (codex).",
                "gemini is failed.");
    }

    @Test
    void theRunStatusFollowsTheJobsAndTheJudge() {
        assertThat(report(r(CliName.CLAUDE, ResultStatus.SKIPPED, "not_run")).status()).isEqualTo(RunStatus.NOT_STARTED);
        assertThat(report(r(CliName.CLAUDE, ResultStatus.RUNNING, "pending")).status()).isEqualTo(RunStatus.RUNNING);
        assertThat(report(r(CliName.CLAUDE, ResultStatus.RUNNING, "pending"),
                r(CliName.CODEX, ResultStatus.SKIPPED, "not_run")).status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(report(r(CliName.CLAUDE, ResultStatus.FAILED, "failed"),
                r(CliName.CODEX, ResultStatus.SKIPPED, "not_run")).status()).isEqualTo(RunStatus.COMPLETED);
        Synthesis judging = new Synthesis(SynthesisStatus.RUNNING, CliName.CODEX, new RawJobReference("judge", "jc"),
                "running", null, null);
        ValidationReport withJudge = report(judging, r(CliName.CLAUDE, ResultStatus.COMPLETED, "ok"));
        assertThat(withJudge.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(withJudge.structuredContent().get("jobIds")).isEqualTo(List.of("job-claude", "judge"));
    }

    @Test
    void theReportHasTheDocumentedShapeAndText() {
        ValidationReport rep = report(r(CliName.CLAUDE, ResultStatus.COMPLETED, "correct"),
                r(CliName.GEMINI, ResultStatus.SKIPPED, "not_run"));
        assertThat(rep.structuredContent().keySet()).containsExactly("validationId", "status", "startedAt", "intent",
                "originalRequest", "modelList", "perModelOutputs", "disagreements", "finalRecommendation", "confidence",
                "limitations", "jobIds", "synthesis");
        assertThat(rep.structuredContent()).containsEntry("startedAt", "2026-01-01T00:00:00.000Z")
                .containsEntry("modelList", List.of("claude", "codex", "gemini"));
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) rep.structuredContent().get("perModelOutputs")).getFirst();
        assertThat(first.keySet()).containsExactly("provider", "model", "status", "verdict", "rationale", "risks",
                "jobId", "correlationId", "warning", "error");
        assertThat(rep.toMap()).containsEntry("schemaVersion", "validation-report.v1");
        assertThat(rep.humanReadable()).startsWith("Validation report vid\nStatus: completed\n")
                .contains("- gemini: skipped verdict=not_run").contains("Confidence: low");
    }
}
