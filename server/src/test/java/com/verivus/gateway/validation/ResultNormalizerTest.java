package com.verivus.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.job.JobResult;
import com.verivus.gateway.job.JobSnapshot;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.store.JobStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A provider job's output (or its absence) reduced to a normalized result. */
class ResultNormalizerTest {

    private static JobResult job(JobStatus status, Integer exitCode, String error, String stdout, String stderr) {
        JobSnapshot s = new JobSnapshot("job-1", "codex", status, Instant.parse("2026-01-01T00:00:00Z"),
                status.terminal() ? Instant.parse("2026-01-01T00:00:01Z") : null, exitCode, "corr-1", false,
                stdout.length(), stderr.length(), error, status.terminal(), null);
        return JobResult.of(s, stdout, stderr, 1_000_000);
    }

    @Test
    void aCompletedAnswerGivesItsVerdictRationaleAndRisks() {
        NormalizedResult r = ResultNormalizer.of(CliName.CODEX, "codex 1.0",
                job(JobStatus.COMPLETED, 0, null, "\nVerdict: correct\nRisks: none\n", ""), "log in");
        assertThat(r.status()).isEqualTo(ResultStatus.COMPLETED);
        assertThat(r.verdict()).isEqualTo("correct");
        assertThat(r.rationale()).isEqualTo("Verdict: correct\nRisks: none");
        assertThat(r.risks()).containsExactly("Risks: none");
        assertThat(r.error()).isNull();
        assertThat(r.warning()).isEqualTo("log in");
        assertThat(r.model()).isEqualTo("codex 1.0");
        assertThat(r.rawJobReference()).isEqualTo(new RawJobReference("job-1", "corr-1"));
        assertThat(r.toMap()).containsKeys("provider", "model", "status", "verdict", "rationale", "risks",
                "rawJobReference", "error", "warning");
    }

    @Test
    void theRationaleIsTheFirst1800Characters() {
        NormalizedResult r = ResultNormalizer.of(CliName.CODEX, null,
                job(JobStatus.COMPLETED, 0, null, "Verdict: ok\n" + "z".repeat(5000), ""), null);
        assertThat(r.rationale()).hasSize(1800).startsWith("Verdict: ok").endsWith("...");
        assertThat(r.toMap()).doesNotContainKey("warning");
    }

    @Test
    void aFailedJobCarriesItsStderrOrItsExitCode() {
        NormalizedResult withStderr = ResultNormalizer.of(CliName.CODEX, null,
                job(JobStatus.FAILED, 2, null, "", "  boom\n"), null);
        assertThat(withStderr.verdict()).isEqualTo("failed");
        assertThat(withStderr.error()).isEqualTo("boom");
        assertThat(withStderr.rationale()).isEqualTo("boom");
        assertThat(withStderr.risks()).containsExactly("boom");

        NormalizedResult silent = ResultNormalizer.of(CliName.CODEX, null, job(JobStatus.FAILED, 7, null, "", ""), null);
        assertThat(silent.error()).isEqualTo("The provider exited with code 7 and printed nothing.");

        // claude logged out: the answer is on stdout, stderr is empty
        NormalizedResult loggedOut = ResultNormalizer.of(CliName.CLAUDE, null,
                job(JobStatus.FAILED, 1, null, "Not logged in \u00b7 Please run /login\n", ""), null);
        assertThat(loggedOut.error()).startsWith("Not logged in \u00b7 Please run /login\n\n")
                .contains("Claude Code (claude) is not logged in", "claude auth login");

        NormalizedResult missing = ResultNormalizer.of(CliName.CODEX, null, job(JobStatus.FAILED, 127,
                "The 'codex' command was not found.", "", "x"), null);
        assertThat(missing.error()).isEqualTo("The 'codex' command was not found.");

        NormalizedResult longErr = ResultNormalizer.of(CliName.CODEX, null,
                job(JobStatus.FAILED, 1, null, "", "e".repeat(4000) + "LAST"), null);
        assertThat(longErr.error()).hasSize(1800).startsWith("...").endsWith("LAST");
    }

    @Test
    void canceledAndOrphanedJobsGiveTheirStateAsVerdict() {
        assertThat(ResultNormalizer.of(CliName.CODEX, null, job(JobStatus.CANCELED, null, null, "partial", ""), null)
                .verdict()).isEqualTo("canceled");
        NormalizedResult orphaned = ResultNormalizer.of(CliName.CODEX, null,
                job(JobStatus.ORPHANED, null, "Gateway restarted while job was running", "", ""), null);
        assertThat(orphaned.verdict()).isEqualTo("orphaned");
        assertThat(orphaned.error()).isEqualTo("Gateway restarted while job was running");
        assertThat(orphaned.status().isProblem()).isTrue();
    }

    @Test
    void runningJobsArePendingAndSkippedProvidersNotRun() {
        NormalizedResult running = ResultNormalizer.of(CliName.CODEX, null, job(JobStatus.RUNNING, null, null, "Ver", ""),
                null);
        assertThat(running.verdict()).isEqualTo("pending");
        assertThat(running.pending()).isTrue();

        NormalizedResult skipped = ResultNormalizer.skipped(CliName.GEMINI, "Gemini CLI runtime is not installed.");
        assertThat(skipped.status()).isEqualTo(ResultStatus.SKIPPED);
        assertThat(skipped.verdict()).isEqualTo("not_run");
        assertThat(skipped.rationale()).isEqualTo(skipped.error()).isEqualTo("Gemini CLI runtime is not installed.");
        assertThat(skipped.risks()).containsExactly("Gemini CLI runtime is not installed.");
        assertThat(skipped.rawJobReference()).isNull();
    }

    @Test
    void aCompletedJobThatPrintedNothingHasNoVerdict() {
        NormalizedResult r = ResultNormalizer.of(CliName.CODEX, null, job(JobStatus.COMPLETED, 0, null, " \n", ""), null);
        assertThat(r.verdict()).isNull();
        assertThat(r.rationale()).isEqualTo("The provider exited successfully but printed nothing.");
    }

    @Test
    void aResultRoundTripsThroughItsMap() {
        NormalizedResult r = ResultNormalizer.of(CliName.CODEX, "v", job(JobStatus.COMPLETED, 0, null, "Verdict: ok", ""),
                "w");
        assertThat(NormalizedResult.fromMap(r.toMap(), "r")).isEqualTo(r);
    }
}
