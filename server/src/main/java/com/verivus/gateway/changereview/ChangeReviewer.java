package com.verivus.gateway.changereview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.job.JobResult;
import com.verivus.gateway.job.JobSnapshot;
import com.verivus.gateway.job.JobStart;
import com.verivus.gateway.json.NodeJson;
import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.provider.CliInvocation;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.json.IsoTimestamps;
import com.verivus.gateway.store.JobStatus;
import com.verivus.gateway.store.ReceiptStore;
import com.verivus.gateway.store.StoredReceipt;
import com.verivus.gateway.provider.contract.ContractViolationException;
import com.verivus.gateway.validation.JobWaiter;
import com.verivus.gateway.doctor.LoginStatus;
import com.verivus.gateway.validation.ProviderAvailability;
import com.verivus.gateway.validation.ProviderRunRecorder;
import com.verivus.gateway.doctor.ProviderStatus;
import com.verivus.gateway.validation.ValidationProgress;
import com.verivus.gateway.validation.WaitBudget;
import java.nio.charset.StandardCharsets;
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
 * Runs review_changes: captures the change set, starts one read-only job per installed reviewer in
 * the repository root, waits for them within the time limit (progress "k of N reviewers done";
 * reviewers still running then are canceled), has the judge read the reviewers' stored outputs, and
 * writes the receipt. A reviewer that is missing, not logged in or failing is recorded as such and
 * never stops the others; an empty successful answer is "no review".
 */
public final class ChangeReviewer {

    /** Each job's output is read from the store up to this many characters (hash and parse). */
    static final int OUTPUT_MAX_CHARS = 2_000_000;
    private static final ObjectMapper JSON = NodeJson.MAPPER;

    private final JobEngine engine;
    private final ProviderAvailability availability;
    private final BiConsumer<CliName, List<String>> contractCheck;
    private final ChangeSetCapture capture;
    private final ReceiptStore receipts;
    private final Clock clock;
    private final ProviderRunRecorder runs;

    /** @param runs writes a flight-recorder row per reviewer and judge run */
    public ChangeReviewer(JobEngine engine, ProviderAvailability availability,
                          BiConsumer<CliName, List<String>> contractCheck, ChangeSetCapture capture,
                          ReceiptStore receipts, Clock clock, ProviderRunRecorder runs) {
        this.runs = Objects.requireNonNull(runs, "runs");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.availability = Objects.requireNonNull(availability, "availability");
        this.contractCheck = Objects.requireNonNull(contractCheck, "contractCheck");
        this.capture = Objects.requireNonNull(capture, "capture");
        this.receipts = Objects.requireNonNull(receipts, "receipts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Without flight-recorder rows. */
    public ChangeReviewer(JobEngine engine, ProviderAvailability availability,
                          BiConsumer<CliName, List<String>> contractCheck, ChangeSetCapture capture,
                          ReceiptStore receipts, Clock clock) {
        this(engine, availability, contractCheck, capture, receipts, clock, ProviderRunRecorder.disabled(engine));
    }

    public ReceiptStore receipts() {
        return receipts;
    }

    /**
     * @throws ChangeSetException         when the change set cannot be captured (nothing is started)
     * @throws ContractViolationException when an argv breaks its CLI's contract (nothing is started)
     */
    public ReviewReceipt review(ChangeReviewRequest request, ValidationProgress progress) {
        Instant startedAt = now();
        ChangeSet set = capture.capture(request.repo(), request.base(), request.include(), request.maxBytes());
        if (set.empty()) {
            throw new ChangeSetException("Nothing to review in " + set.root() + ": no commits since "
                    + (set.baseCommit() == null ? "the start" : set.baseCommit()) + " and no changes in "
                    + String.join(", ", set.includedKeys()) + ". Pass an earlier base or include other parts.");
        }
        String prompt = ReviewPrompts.reviewer(set, request.focus());
        Map<CliName, CliInvocation> invocations = new LinkedHashMap<>();
        for (CliName cli : request.providers()) {
            CliInvocation inv = ReviewerArgv.invocation(cli, prompt, set.root());
            check(cli, inv.args());
            invocations.put(cli, inv);
        }
        if (request.judge() != null) {
            check(request.judge(), ReviewerArgv.of(request.judge(), ReviewPrompts.judge(set, request.focus(), List.of())));
        }
        String reviewId = UUID.randomUUID().toString();

        Map<CliName, ProviderStatus> statuses = availability.statuses(request.providers());
        List<Slot> slots = new ArrayList<>();
        for (Map.Entry<CliName, CliInvocation> e : invocations.entrySet()) {
            CliName cli = e.getKey();
            ProviderStatus status = statuses.get(cli);
            String unusable = unusable(cli, status);
            if (unusable != null) {
                slots.add(new Slot(cli, status == null ? null : status.version(), null, null,
                        ReviewerOutcome.notRun("reviewer", cli, ReviewStatus.SKIPPED, unusable,
                                status == null ? null : status.version())));
                continue;
            }
            String correlationId = "review-" + reviewId + "-" + cli.key();
            JobStart start = engine.start(e.getValue(), correlationId, true);
            runs.started(e.getValue(), prompt, correlationId, start);
            JobSnapshot job = start.job();
            GatewayLog.info("review " + reviewId + ": " + cli.key() + " reviews change set " + set.sha256()
                    + " as job " + job.id() + " in " + set.root());
            slots.add(new Slot(cli, status.version(), job.id(), correlationId, null));
        }

        List<String> jobIds = slots.stream().filter(s -> s.jobId != null).map(Slot::jobId).toList();
        int reviewers = jobIds.size();
        int total = reviewers + (request.judge() != null ? 1 : 0);
        if (reviewers > 0) {
            progress.report(0, total, "0 of " + reviewers + " reviewers done");
        }
        WaitBudget.Deadline deadline = new WaitBudget(request.timeLimit()).start();
        int done = JobWaiter.awaitAll(engine, jobIds, deadline,
                n -> progress.report(n, total, n + " of " + reviewers + " reviewers done"));

        List<ReviewerOutcome> outcomes = new ArrayList<>();
        for (Slot slot : slots) {
            outcomes.add(slot.outcome != null ? slot.outcome
                    : outcome("reviewer", slot.cli, slot.version, slot.jobId, slot.correlationId, request));
        }
        ReviewerOutcome judge = request.judge() == null ? null : judge(set, request, outcomes, progress, done, total);
        ReviewReceipt receipt = new ReviewReceipt(reviewId, now(), set, request.focus(), outcomes, judge, startedAt);
        store(receipt);
        return receipt;
    }

    // ---------------------------------------------------------------- judge

    private ReviewerOutcome judge(ChangeSet set, ChangeReviewRequest request, List<ReviewerOutcome> outcomes,
                                  ValidationProgress progress, int done, int total) {
        CliName cli = request.judge();
        List<ReviewPrompts.StoredReview> stored = new ArrayList<>();
        for (ReviewerOutcome o : outcomes) {
            if (o.status() != ReviewStatus.COMPLETED) {
                continue;
            }
            // the judge reads what the job store holds for the job, not anything a caller handed in
            engine.result(o.jobId(), OUTPUT_MAX_CHARS)
                    .filter(r -> !r.stdout().isBlank())
                    .ifPresent(r -> stored.add(new ReviewPrompts.StoredReview(o.provider().key(), o.jobId(),
                            r.stdout())));
        }
        if (stored.isEmpty()) {
            return ReviewerOutcome.notRun("judge", cli, ReviewStatus.SKIPPED, "No reviewer produced a review, so "
                    + "there is nothing to judge; empty or failed reviews are not agreement.", null);
        }
        ProviderStatus status = availability.status(cli);
        String unusable = unusable(cli, status);
        if (unusable != null) {
            return ReviewerOutcome.notRun("judge", cli, ReviewStatus.SKIPPED, unusable, status.version());
        }
        String judgePrompt = ReviewPrompts.judge(set, request.focus(), stored);
        CliInvocation inv = ReviewerArgv.invocation(cli, judgePrompt, set.root());
        check(cli, inv.args());
        String correlationId = "review-judge-" + UUID.randomUUID() + "-" + cli.key();
        JobStart start = engine.start(inv, correlationId, true);
        runs.started(inv, judgePrompt, correlationId, start);
        JobSnapshot job = start.job();
        WaitBudget.Deadline deadline = new WaitBudget(request.timeLimit()).start();
        JobWaiter.awaitAll(engine, List.of(job.id()), deadline,
                n -> progress.report(done + 1, Math.max(total, done + 1), "judge " + cli.key() + " done"));
        return outcome("judge", cli, status.version(), job.id(), correlationId, request);
    }

    // ---------------------------------------------------------------- outcomes

    /** A started job as it ended; one still running now is canceled and recorded as timed out. */
    private ReviewerOutcome outcome(String role, CliName cli, String version, String jobId, String correlationId,
                                    ChangeReviewRequest request) {
        Optional<JobSnapshot> now = engine.snapshot(jobId);
        if (now.isPresent() && !now.get().status().terminal()) {
            engine.cancel(jobId);
            JobSnapshot s = now.get();
            return new ReviewerOutcome(role, cli, ReviewStatus.TIMED_OUT, cli.displayName() + " did not finish within "
                    + request.timeLimit().toMillis() + " ms; its job was canceled.", version, jobId, correlationId, null,
                    null, s.startedAt(), now());
        }
        Optional<JobResult> result = engine.result(jobId, OUTPUT_MAX_CHARS);
        if (result.isEmpty()) {
            return new ReviewerOutcome(role, cli, ReviewStatus.CANCELED, "The job is no longer known to this gateway.",
                    version, jobId, correlationId, null, null, null, null);
        }
        JobResult r = result.get();
        JobSnapshot s = r.snapshot();
        String out = r.stdout();
        String hash = out.isEmpty() ? null : ChangeSetCapture.sha256(out.getBytes(StandardCharsets.UTF_8));
        ReviewStatus status;
        String reason = null;
        if (s.status() == JobStatus.COMPLETED && out.isBlank()) {
            status = ReviewStatus.NO_REVIEW;
            reason = cli.displayName() + " exited successfully but printed nothing: no review (not agreement).";
        } else if (s.status() == JobStatus.COMPLETED) {
            status = ReviewStatus.COMPLETED;
        } else if (s.status() == JobStatus.FAILED) {
            status = ReviewStatus.FAILED;
            reason = failure(s, r.stderr());
        } else {
            status = ReviewStatus.CANCELED;
            reason = "The job was " + s.status().key() + (s.error() == null ? "." : ": " + s.error());
        }
        ReviewAnswer answer = status == ReviewStatus.COMPLETED ? ReviewAnswer.parse(out) : null;
        if (status == ReviewStatus.COMPLETED && answer.verdict() == null) {
            reason = "The answer has no Verdict line; see the job's output.";
        }
        return new ReviewerOutcome(role, cli, status, reason, version, jobId, correlationId, hash, answer, s.startedAt(),
                s.finishedAt());
    }

    private static String failure(JobSnapshot s, String stderr) {
        String err = s.error() != null && !s.error().isBlank() ? s.error() : stderr.strip();
        if (err.isEmpty()) {
            return "exit code " + s.exitCode() + ", nothing on stderr";
        }
        return "exit code " + s.exitCode() + ": " + (err.length() > 1000 ? "..." + err.substring(err.length() - 1000) : err);
    }

    private static String unusable(CliName cli, ProviderStatus status) {
        if (status == null || !status.installed()) {
            return cli.displayName() + " is not installed" + (status == null || status.error() == null ? "."
                    : " (" + status.error() + ").");
        }
        if (status.loginStatus() == LoginStatus.NOT_AUTHENTICATED) {
            return cli.displayName() + " is not logged in; log in to use it as a reviewer.";
        }
        return null;
    }

    private void check(CliName cli, List<String> argv) {
        try {
            contractCheck.accept(cli, argv);
        } catch (RuntimeException e) {
            throw ContractViolationException.refused(cli, e);
        }
    }

    private void store(ReviewReceipt receipt) {
        String body;
        try {
            body = JSON.writeValueAsString(receipt.toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a receipt is not serialisable", e);
        }
        receipts.insertReceipt(new StoredReceipt(receipt.id(), receipt.createdAt(), receipt.changeSet().sha256(), body,
                ChangeSetCapture.sha256(body.getBytes(StandardCharsets.UTF_8))));
    }

    private Instant now() {
        return IsoTimestamps.millis(clock.instant());
    }

    /** One reviewer: not run (with its outcome), or started (with its job). */
    private record Slot(CliName cli, String version, String jobId, String correlationId, ReviewerOutcome outcome) {
    }
}
