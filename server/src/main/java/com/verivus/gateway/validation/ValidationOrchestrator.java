package com.verivus.gateway.validation;

import com.verivus.gateway.provider.contract.ContractViolationException;
import com.verivus.gateway.doctor.ProviderStatus;
import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.job.JobResult;
import com.verivus.gateway.job.JobSnapshot;
import com.verivus.gateway.job.JobStart;
import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.provider.CliInvocation;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.json.IsoTimestamps;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Runs cross-LLM validations (§10.8): one durable job per installed provider with the intent's
 * prompt, a bounded wait for them with progress, a normalized result per provider, and on request
 * an explicit judge job over the completed results.
 *
 * <p>Departures from the Node gateway (§14.14): a job found through dedup counts with the state it
 * really has (a reused completed job is completed, not "not started"); every argv goes through the
 * same upstream contract check as the request tools, for all providers and the judge before any
 * job is started; Gemini gets {@code -p <prompt>}, not a positional prompt.
 */
public final class ValidationOrchestrator {

    /** Outputs are normalized from (up to) this much of each stream; the verdict is near the start. */
    static final int NORMALIZE_MAX_CHARS = 2_000_000;

    private final JobEngine engine;
    private final ProviderAvailability availability;
    private final BiConsumer<CliName, List<String>> contractCheck;
    private final Clock clock;
    private final ProviderRunRecorder runs;

    /**
     * @param contractCheck throws (any RuntimeException, its message saying why) when an argv breaks
     *                      its CLI's upstream contract; the request tools' checker
     * @param runs          writes a flight-recorder row per provider and judge run
     */
    public ValidationOrchestrator(JobEngine engine, ProviderAvailability availability,
                                  BiConsumer<CliName, List<String>> contractCheck, Clock clock,
                                  ProviderRunRecorder runs) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.availability = Objects.requireNonNull(availability, "availability");
        this.contractCheck = Objects.requireNonNull(contractCheck, "contractCheck");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.runs = Objects.requireNonNull(runs, "runs");
    }

    /** Without flight-recorder rows. */
    public ValidationOrchestrator(JobEngine engine, ProviderAvailability availability,
                                  BiConsumer<CliName, List<String>> contractCheck, Clock clock) {
        this(engine, availability, contractCheck, clock, ProviderRunRecorder.disabled(engine));
    }

    public ValidationOrchestrator(JobEngine engine, ProviderAvailability availability,
                                  BiConsumer<CliName, List<String>> contractCheck) {
        this(engine, availability, contractCheck, Clock.systemUTC());
    }

    public ValidationOrchestrator(JobEngine engine, ProviderAvailability availability,
                                  BiConsumer<CliName, List<String>> contractCheck, ProviderRunRecorder runs) {
        this(engine, availability, contractCheck, Clock.systemUTC(), runs);
    }

    public JobEngine engine() {
        return engine;
    }

    /**
     * Starts the run's jobs and waits for them (and the judge) within the budget.
     *
     * @throws ContractViolationException before anything is started, when an argv breaks its contract
     */
    public ValidationRun run(ValidationRequest request, WaitBudget budget, ValidationProgress progress) {
        WaitBudget.Deadline deadline = budget.start();
        String validationId = UUID.randomUUID().toString();
        Instant startedAt = IsoTimestamps.millis(clock.instant());
        String prompt = ValidationPrompts.reviewer(request);

        Map<CliName, CliInvocation> invocations = new LinkedHashMap<>();
        for (CliName cli : request.providers()) {
            CliInvocation inv = ProviderArgv.invocation(cli, prompt).withWorkingDir(request.workingDir());
            check(cli, inv.args());
            invocations.put(cli, inv);
        }
        if (request.judge() != null) {
            // the judge's prompt starts like this whatever the results; checked now so that a judge the
            // contract refuses does not surface only after the providers have run
            check(request.judge(), ProviderArgv.of(request.judge(), ValidationPrompts.judge(request.subject(), List.of())));
        }

        Map<CliName, ProviderStatus> statuses = availability.statuses(request.providers());
        List<Slot> slots = new ArrayList<>();
        for (Map.Entry<CliName, CliInvocation> e : invocations.entrySet()) {
            CliName cli = e.getKey();
            ProviderStatus status = statuses.get(cli);
            if (status == null || !status.installed()) {
                slots.add(Slot.skipped(ResultNormalizer.skipped(cli, notInstalled(cli, status))));
                continue;
            }
            String correlationId = "validation-" + validationId + "-" + cli.key();
            JobStart start = engine.start(e.getValue(), correlationId, false);
            if (start.deduped()) {
                GatewayLog.info("validation " + validationId + ": " + cli.key() + " reuses job " + start.job().id()
                        + " (" + start.job().status().key() + ") of an identical request");
            }
            runs.started(e.getValue(), prompt, correlationId, start);
            slots.add(Slot.started(cli, status.version(), loginWarning(status), start.job(), correlationId));
        }

        List<String> jobIds = slots.stream().filter(s -> s.job != null).map(s -> s.job.id()).toList();
        int total = jobIds.size() + (request.judge() != null ? 1 : 0);
        int providers = jobIds.size();
        if (providers > 0) {
            progress.report(0, total, "0 of " + providers + " providers finished");
        }
        int done = JobWaiter.awaitAll(engine, jobIds, deadline,
                n -> progress.report(n, total, n + " of " + providers + " providers finished"));

        List<NormalizedResult> results = new ArrayList<>();
        for (Slot slot : slots) {
            results.add(slot.result != null ? slot.result
                    : normalize(slot.cli, slot.model, slot.warning, slot.job).correlatedAs(slot.correlationId));
        }
        Synthesis synthesis = request.judge() == null
                ? Synthesis.of(SynthesisStatus.NOT_REQUESTED, null,
                        "No judge synthesis was requested; provider disagreement is preserved for the caller.")
                : judge(request.subject(), results, request.judge(), deadline, progress, done, total,
                        request.workingDir());
        ValidationReport report = ValidationReport.of(validationId, startedAt, request, results, synthesis);
        return new ValidationRun(providers > 0, validationId, startedAt, request, results, synthesis, report,
                next(results, synthesis, budget));
    }

    /**
     * Runs the judge over results a client collected (synthesize_validation). Results that name a job
     * this gateway can read are first brought up to date (and waited for within the budget).
     *
     * @throws ContractViolationException when the judge's argv breaks its contract
     */
    public SynthesisRun synthesize(String question, List<NormalizedResult> providerResults, CliName judge,
                                   WaitBudget budget, ValidationProgress progress) {
        return synthesize(question, providerResults, judge, budget, progress, null);
    }

    /** As above, with the judge run in {@code workingDir} (null: the gateway's own). */
    public SynthesisRun synthesize(String question, List<NormalizedResult> providerResults, CliName judge,
                                   WaitBudget budget, ValidationProgress progress, Path workingDir) {
        WaitBudget.Deadline deadline = budget.start();
        check(judge, ProviderArgv.of(judge, ValidationPrompts.judge(question, List.of())));
        List<String> running = new ArrayList<>();
        for (NormalizedResult r : providerResults) {
            if (r.jobId() != null && engine.snapshot(r.jobId()).map(s -> !s.status().terminal()).orElse(false)) {
                running.add(r.jobId());
            }
        }
        int total = running.size() + 1;
        if (!running.isEmpty()) {
            progress.report(0, total, "0 of " + running.size() + " providers finished");
        }
        int done = JobWaiter.awaitAll(engine, running, deadline,
                n -> progress.report(n, total, n + " of " + running.size() + " providers finished"));
        List<NormalizedResult> current = new ArrayList<>();
        for (NormalizedResult r : providerResults) {
            current.add(refresh(r));
        }
        return new SynthesisRun(judge(question, current, judge, deadline, progress, done, total, workingDir), current);
    }

    // ---------------------------------------------------------------- judge

    private Synthesis judge(String subject, List<NormalizedResult> results, CliName judge, WaitBudget.Deadline deadline,
                            ValidationProgress progress, int done, int total, Path workingDir) {
        Optional<NormalizedResult> pending = results.stream().filter(NormalizedResult::pending).findFirst();
        if (pending.isPresent()) {
            return Synthesis.of(SynthesisStatus.WAITING_FOR_PROVIDER_RESULTS, judge, "Provider result for "
                    + pending.get().provider().key() + " is still pending; once its job finished, call "
                    + "synthesize_validation with these results (it re-reads their jobs).");
        }
        List<NormalizedResult> completed = results.stream().filter(r -> r.status() == ResultStatus.COMPLETED).toList();
        int omitted = results.size() - completed.size();
        if (completed.isEmpty()) {
            return Synthesis.of(SynthesisStatus.SKIPPED, judge, "Judge synthesis requires at least one completed "
                    + "provider result; skipped, failed, canceled, or orphaned results are preserved in the report but "
                    + "are not judge evidence.");
        }
        CliInvocation inv = ProviderArgv.invocation(judge, ValidationPrompts.judge(subject, completed))
                .withWorkingDir(workingDir);
        check(judge, inv.args());
        ProviderStatus status = availability.status(judge);
        if (!status.installed()) {
            return Synthesis.of(SynthesisStatus.SKIPPED, judge, judge.displayName()
                    + " was selected as judge but is not installed" + (status.error() == null ? "."
                    : " (" + status.error() + ")."));
        }
        String correlationId = "validation-judge-" + UUID.randomUUID() + "-" + judge.key();
        JobStart start = engine.start(inv, correlationId, false);
        runs.started(inv, ValidationPrompts.judge(subject, completed), correlationId, start);
        JobSnapshot job = start.job();
        RawJobReference ref = new RawJobReference(job.id(), correlationId);
        String evidence = completed.size() + " completed provider result(s)"
                + (omitted > 0 ? "; " + omitted + " non-completed result(s) were preserved but omitted" : "");
        int finished = JobWaiter.awaitAll(engine, List.of(job.id()), deadline,
                n -> progress.report(done + 1, Math.max(total, done + 1), "judge " + judge.key() + " finished"));
        if (finished == 0) {
            return new Synthesis(SynthesisStatus.RUNNING, judge, ref, "Judge synthesis is running on "
                    + judge.displayName() + " using " + evidence + "; collect it with job_result.", null, null);
        }
        Optional<JobResult> result = engine.result(job.id(), NORMALIZE_MAX_CHARS);
        if (result.isEmpty()) {
            return new Synthesis(SynthesisStatus.FAILED, judge, ref, "The judge job is no longer known to this "
                    + "gateway.", null, null);
        }
        NormalizedResult normalized = ResultNormalizer.of(judge, status.version(), result.get(), loginWarning(status))
                .correlatedAs(correlationId);
        if (normalized.status() != ResultStatus.COMPLETED) {
            return new Synthesis(SynthesisStatus.FAILED, judge, ref, "The judge job " + normalized.status().key()
                    + (normalized.error() == null ? "." : ": " + normalized.error()), normalized, null);
        }
        String text = result.get().stdout().strip();
        return new Synthesis(SynthesisStatus.COMPLETED, judge, ref, "Judge synthesis by " + judge.displayName()
                + " over " + evidence + ".", normalized,
                text.isEmpty() ? null : AnswerText.excerpt(text, Synthesis.TEXT_MAX_CHARS));
    }

    // ---------------------------------------------------------------- helpers

    private void check(CliName cli, List<String> argv) {
        try {
            contractCheck.accept(cli, argv);
        } catch (RuntimeException e) {
            throw ContractViolationException.refused(cli, e);
        }
    }

    /** A provider's result from its job as it is now; a job the engine no longer knows counts as orphaned. */
    private NormalizedResult normalize(CliName cli, String model, String warning, JobSnapshot started) {
        Optional<JobSnapshot> now = engine.snapshot(started.id());
        if (now.isEmpty()) {
            return new NormalizedResult(cli, model, ResultStatus.ORPHANED, ResultStatus.ORPHANED.key(),
                    "The job is no longer known to this gateway.", List.of(),
                    new RawJobReference(started.id(), started.correlationId()),
                    "The job is no longer known to this gateway.", warning);
        }
        if (!now.get().status().terminal()) {
            return ResultNormalizer.running(cli, model, now.get(), warning);
        }
        return engine.result(started.id(), NORMALIZE_MAX_CHARS)
                .map(r -> ResultNormalizer.of(cli, model, r, warning))
                .orElseGet(() -> ResultNormalizer.running(cli, model, now.get(), warning));
    }

    /** A handed-in result, re-read from its job when this gateway knows the job. */
    private NormalizedResult refresh(NormalizedResult r) {
        if (r.jobId() == null) {
            return r;
        }
        Optional<JobSnapshot> now = engine.snapshot(r.jobId());
        if (now.isEmpty()) {
            return r;
        }
        String correlationId = r.rawJobReference().correlationId();
        if (!now.get().status().terminal()) {
            return ResultNormalizer.running(r.provider(), r.model(), now.get(), r.warning()).correlatedAs(correlationId);
        }
        return engine.result(r.jobId(), NORMALIZE_MAX_CHARS)
                .map(res -> ResultNormalizer.of(r.provider(), r.model(), res, r.warning()).correlatedAs(correlationId))
                .orElse(r);
    }

    private static String notInstalled(CliName cli, ProviderStatus status) {
        String base = cli.displayName() + " runtime is not installed.";
        return status == null || status.error() == null ? base
                : base.substring(0, base.length() - 1) + " (" + status.error() + ").";
    }

    private static String loginWarning(ProviderStatus status) {
        if (!status.loginStatus().worthAWarning()) {
            return null;
        }
        return status.cli().displayName() + " login status is " + status.loginStatus().key()
                + "; the job may fail until login is complete.";
    }

    private static String next(List<NormalizedResult> results, Synthesis synthesis, WaitBudget budget) {
        boolean running = results.stream().anyMatch(r -> r.status() == ResultStatus.RUNNING)
                || synthesis.status() == SynthesisStatus.RUNNING;
        if (running) {
            String waited = budget.limit() == null ? "" : " after " + budget.limit().toMillis() + "ms";
            return "Some jobs were still running" + waited + ": poll job_status with each jobId, collect the outputs "
                    + "with job_result, then call synthesize_validation with the results if a judge summary is "
                    + "needed (it re-reads their jobs).";
        }
        return "All provider jobs have finished; job_result with a jobId (or llm_request_result with its "
                + "rawJobReference.correlationId) returns a provider's full output"
                + (synthesis.status() == SynthesisStatus.NOT_REQUESTED
                        ? ", and synthesize_validation runs a judge over these results." : ".");
    }

    /** One provider of a run: skipped (with its result), or started (with its job). */
    private record Slot(CliName cli, String model, String warning, JobSnapshot job, String correlationId,
                        NormalizedResult result) {
        static Slot skipped(NormalizedResult result) {
            return new Slot(result.provider(), null, null, null, null, result);
        }

        static Slot started(CliName cli, String model, String warning, JobSnapshot job, String correlationId) {
            return new Slot(cli, model, warning, job, correlationId, null);
        }
    }
}
