package com.verivus.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.recorder.RecordedRequest;
import com.verivus.gateway.recorder.SqliteFlightRecorder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The flight-recorder rows of validation runs on a real job engine, fake provider CLIs and a real recorder
 * file: a run that reuses a completed job through dedup has a row of its own, finished at once with that
 * job's answer; a judge run is recorded; synthesize_validation keeps the correlation id a client handed in.
 */
class ProviderRunRecorderTest extends ValidationTestBase {

    private static ValidationRequest ask(CliName cli, String question, CliName judge) {
        return new ValidationRequest(ValidationIntent.ASK_MODEL, question, null, null, null, List.of(cli), judge);
    }

    private static RecordedRequest only(SqliteFlightRecorder recorder, String correlationId) {
        List<RecordedRequest> rows = recorder.find(correlationId);
        assertThat(rows).as(correlationId).hasSize(1);
        return rows.getFirst();
    }

    /** The row once its job's end is recorded (that happens on the job's thread, just after it settles). */
    private static RecordedRequest finished(SqliteFlightRecorder recorder, String correlationId)
            throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            RecordedRequest row = only(recorder, correlationId);
            if (!"started".equals(row.status())) {
                return row;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(correlationId + " stayed 'started'");
    }

    @Test
    void aRunReusingACompletedJobHasItsOwnRowFinishedWithThatJobsAnswer() throws Exception {
        fx = ValidationFixtures.in(dir).install(CliName.CLAUDE, "agree").install(CliName.GEMINI, "agree").build();
        try (SqliteFlightRecorder recorder = SqliteFlightRecorder.open(dir.resolve("logs.db"))) {
            JobEngine engine = fx.engine();
            ProviderRunRecorder runs = new ProviderRunRecorder(engine, recorder);
            ValidationOrchestrator o = new ValidationOrchestrator(engine, fx.availability(),
                    UpstreamContractStandIn::check, Clock.systemUTC(), runs);
            ValidationRun first = o.run(ask(CliName.CLAUDE, "same question", CliName.GEMINI),
                    new WaitBudget(Duration.ofSeconds(30)), ValidationProgress.NONE);
            ValidationRun second = o.run(ask(CliName.CLAUDE, "same question", null),
                    new WaitBudget(Duration.ofSeconds(30)), ValidationProgress.NONE);

            RawJobReference a = first.results().getFirst().rawJobReference();
            RawJobReference b = second.results().getFirst().rawJobReference();
            assertThat(b.jobId()).as("reused through dedup").isEqualTo(a.jobId());
            assertThat(b.correlationId()).isNotEqualTo(a.correlationId())
                    .isEqualTo("validation-" + second.validationId() + "-claude");

            RecordedRequest original = finished(recorder, a.correlationId());
            RecordedRequest reused = finished(recorder, b.correlationId());
            for (RecordedRequest row : List.of(original, reused)) {
                assertThat(row.cli()).isEqualTo("claude");
                assertThat(row.model()).isEqualTo("default");
                assertThat(row.status()).isEqualTo("completed");
                assertThat(row.asyncJobId()).isEqualTo(a.jobId());
                assertThat(row.exitCode()).isZero();
                assertThat(row.response()).contains("Verdict: correct");
                assertThat(row.prompt()).contains("same question");
            }

            Synthesis synthesis = first.synthesis();
            assertThat(synthesis.status()).isEqualTo(SynthesisStatus.COMPLETED);
            RecordedRequest judge = finished(recorder, synthesis.rawJobReference().correlationId());
            assertThat(judge.cli()).isEqualTo("gemini");
            assertThat(judge.status()).isEqualTo("completed");
            assertThat(judge.asyncJobId()).isEqualTo(synthesis.rawJobReference().jobId());
            assertThat(judge.prompt()).contains("same question");

            SynthesisRun again = o.synthesize("same question", second.results(), CliName.GEMINI,
                    new WaitBudget(Duration.ofSeconds(30)), ValidationProgress.NONE);
            assertThat(again.providerResults().getFirst().rawJobReference().correlationId()).isEqualTo(b.correlationId());
            assertThat(finished(recorder, again.synthesis().rawJobReference().correlationId()).status())
                    .isEqualTo("completed");
            runs.close();
        }
    }
}
