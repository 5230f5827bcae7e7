package com.verivus.gateway.request;

import com.verivus.gateway.approval.ApprovalDecision;
import com.verivus.gateway.approval.ApprovalRequest;
import com.verivus.gateway.job.DirectExecutionException;
import com.verivus.gateway.job.DirectResult;
import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.job.JobStart;
import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.optimizer.PromptOptimizer;
import com.verivus.gateway.provider.CliInvocation;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.ExtraDirectories;
import com.verivus.gateway.provider.McpServerName;
import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.provider.PreparedRun;
import com.verivus.gateway.provider.ProviderRequestException;
import com.verivus.gateway.provider.SharedRequest;
import com.verivus.gateway.provider.contract.UpstreamContracts;
import com.verivus.gateway.approval.ReviewIntegrity;
import com.verivus.gateway.session.SessionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs provider requests, sync and async (§1.2 flow): resolve the model alias, check review integrity
 * on the raw prompt, optionally optimise the prompt, let the adapter prepare the run, ask the approval
 * gate (mcp_managed), start the flight-recorder row, then
 * <ul>
 * <li>sync: run it — inline on the direct path when SYNC_DEADLINE_MS is 0, else as a job awaited until
 *     it settles (signalled, not polled) or the deadline passes (the deferred reply); progress goes to
 *     the client meanwhile;</li>
 * <li>async: session bookkeeping first (a store failure starts no job), then start the job and return
 *     its snapshot.</li>
 * </ul>
 * The end of every request (inline, deferred, async, deduplicated) is booked once by {@link RequestTracker}
 * / {@link RequestCompletion}: session actions, recorder row, metrics. The direct path is a
 * {@link com.verivus.gateway.job.DirectRunner} of its own, not the job engine.
 */
public final class RequestPipeline implements AutoCloseable {

    static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);

    private final RequestServices services;
    private final JobEngine engine;
    private final SessionStore sessions;
    private final PrepareContext prepareContext;
    private final SessionBookkeeping bookkeeping;
    private final RequestCompletion completion;
    private final RequestTracker tracker;
    private final LoginGate logins;

    public RequestPipeline(RequestServices services) {
        this.services = services;
        this.engine = services.engine();
        this.sessions = services.sessions();
        this.prepareContext = services.prepareContext();
        this.bookkeeping = new SessionBookkeeping(sessions);
        this.completion = new RequestCompletion(bookkeeping, services.recorder(), services.metrics());
        this.tracker = new RequestTracker(engine, completion);
        this.logins = LoginGate.of(services.prepareContext().env());
        engine.settledRuns().subscribe(logins::learn);
    }

    public long syncDeadlineMs() {
        return services.syncDeadlineMs();
    }

    // ---------------------------------------------------------------- entry points

    /**
     * A sync request: the answer, the error, or the deferred reply.
     *
     * @throws ProviderRequestException for invalid input (nothing recorded, nothing spawned)
     */
    public RequestReply sync(RequestSpec spec, ProgressSink progress) {
        PreparedRequest p;
        try {
            p = prepare(spec);
        } catch (ProviderRequestException e) {
            return spec.call().refusal(spec, e).orElseThrow(() -> e);
        }
        return runSync(p, progress);
    }

    /**
     * An async request: the started (or reused) job's snapshot.
     *
     * @throws ProviderRequestException for invalid input (nothing recorded, nothing spawned)
     */
    public RequestReply async(RequestSpec spec) {
        PreparedRequest p;
        try {
            p = prepare(spec);
        } catch (ProviderRequestException e) {
            return spec.call().refusal(spec, e).orElseThrow(() -> e);
        }
        return runAsync(p);
    }

    // ---------------------------------------------------------------- preparation

    /**
     * Everything before the first side effect a client would see: alias resolution, review integrity on
     * the raw prompt, prompt optimisation, the adapter (MCP config for Claude, argv, contract check) and
     * the approval decision (mcp_managed).
     */
    public PreparedRequest prepare(RequestSpec spec) {
        long started = System.nanoTime();
        ProviderCall call = spec.call();
        SharedRequest raw = call.shared();
        String model = services.models().resolveModelAlias(call.cli(), raw.model()).orElse(call.fallbackModel());
        ReviewIntegrity.Result review = ReviewIntegrity.check(raw.prompt(), spec.allowedTools(), spec.disallowedTools());
        String prompt = raw.prompt();
        boolean optimized = false;
        if (spec.optimizePrompt()) {
            String shorter = PromptOptimizer.optimizePrompt(prompt);
            if (!shorter.isBlank()) { // never let the optimiser empty a prompt
                optimized = !shorter.equals(prompt);
                prompt = shorter;
            }
        }
        ProviderCall sent = call.with(raw.withPrompt(prompt).withModel(model));
        PreparedRun run = inWorkspace(sent.prepare(sessions, prepareContext), spec);
        ApprovalDecision approval;
        try {
            approval = decideApproval(spec, sent, raw);
        } catch (RuntimeException e) {
            deleteTempFiles(run);
            throw e;
        }
        return new PreparedRequest(spec, sent, run, model, review, approval, optimized, started,
                UUID.randomUUID().toString());
    }

    /** The run in the request's working directory, with the CLI's flags for its extra directories. */
    private static PreparedRun inWorkspace(PreparedRun run, RequestSpec spec) {
        if (spec.workingDir() == null && spec.addDirs().isEmpty()) {
            return run;
        }
        try {
            CliInvocation inv = UpstreamContracts.assertConforms(
                    ExtraDirectories.add(run.invocation(), spec.addDirs()).withWorkingDir(spec.workingDir()));
            return new PreparedRun(inv, run.session(), run.mcpServers(), run.warnings());
        } catch (RuntimeException e) {
            deleteTempFiles(run);
            throw e;
        }
    }

    private ApprovalDecision decideApproval(RequestSpec spec, ProviderCall sent, SharedRequest raw) {
        if (!raw.mcpManaged()) {
            return null;
        }
        Optional<ApprovalInputs> inputs = sent.approvalInputs();
        if (inputs.isEmpty()) {
            return null;
        }
        ApprovalInputs in = inputs.get();
        // the raw prompt is scored and hashed, as the client wrote it
        return services.approvals().decide(new ApprovalRequest(sent.cli(), spec.operation(), raw.prompt(),
                raw.approvalPolicy(), in.bypassRequested(), in.fullAuto(), McpServerName.keys(raw.mcpServers()),
                spec.allowedTools(), spec.disallowedTools(), in.metadata()));
    }

    // ---------------------------------------------------------------- sync

    /** Runs a prepared sync request (see {@link #sync}). */
    public RequestReply runSync(PreparedRequest p, ProgressSink progress) {
        completion.started(p, null);
        Optional<String> loggedOut = loggedOut(p);
        if (p.denied() || loggedOut.isPresent()) {
            return refuse(p, loggedOut);
        }
        if (services.syncDeadlineMs() == 0) {
            return runDirect(p);
        }
        JobStart start;
        try {
            start = engine.start(p.invocation(), p.correlationId(), p.call().shared().forceRefresh());
        } catch (RuntimeException e) {
            deleteTempFiles(p.run());
            completion.failedWithoutRun(p, message(e));
            return new RequestReply.HandlerError(p.cli().key(), p.correlationId(), e);
        }
        p = joined(p, start);
        String jobId = start.job().id();
        PendingRequest pending = tracker.track(p, RequestCompletion.Mode.SYNC, jobId);
        Optional<RunOutcome> outcome = await(pending, progress);
        if (outcome.isEmpty()) {
            services.recorder().linkAsyncJob(p.requestId(), jobId);
            GatewayLog.info("[" + p.correlationId() + "] " + p.cli().key() + " exceeded the sync deadline ("
                    + services.syncDeadlineMs() + "ms); deferred as job " + jobId);
            return ReplyBodies.deferred(p, jobId, services.syncDeadlineMs(), services.pollTools());
        }
        return finished(p, outcome.get());
    }

    /** Waits for the request's end until the sync deadline, reporting progress every couple of seconds. */
    private Optional<RunOutcome> await(PendingRequest pending, ProgressSink progress) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(services.syncDeadlineMs());
        String cli = pending.request.cli().key();
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(pending.done.get(Math.min(remaining, PROGRESS_INTERVAL.toNanos()),
                        TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                long seconds = pending.request.elapsedMs() / 1000;
                progress.report(seconds, null, cli + " running for " + seconds + " s");
            } catch (InterruptedException e) {
                // the caller is going away: the job keeps running and is booked when it ends
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (ExecutionException e) {
                // the job was lost track of: the client gets the deferred reply and can still poll it
                return Optional.empty();
            }
        }
    }

    /** SYNC_DEADLINE_MS=0: the direct path, with retry and circuit breaker, no job and no dedup. */
    private RequestReply runDirect(PreparedRequest p) {
        CliName cli = p.cli();
        try {
            DirectResult result = services.direct().run(p.invocation(), null);
            String circuit = services.direct().circuitState(p.invocation().cli().executable()).name()
                    .toLowerCase(java.util.Locale.ROOT);
            RunOutcome outcome = RunOutcome.of(result, circuit);
            completion.finished(p, outcome, RequestCompletion.Mode.SYNC);
            return finished(p, outcome);
        } catch (DirectExecutionException e) {
            completion.failedWithoutRun(p, message(e));
            return new RequestReply.HandlerError(cli.key(), p.correlationId(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            completion.failedWithoutRun(p, "interrupted");
            return new RequestReply.HandlerError(cli.key(), p.correlationId(), e);
        } catch (RuntimeException e) {
            completion.failedWithoutRun(p, message(e));
            return new RequestReply.HandlerError(cli.key(), p.correlationId(), e);
        }
    }

    /** Why the CLI of a request the approval gate let through is not started: known to be logged out. */
    private Optional<String> loggedOut(PreparedRequest p) {
        return p.denied() ? Optional.empty() : logins.refusal(p.cli());
    }

    /**
     * The reply of a request that is not run, its recorder row (already started) finished: denied by the
     * approval gate, or failed at once with the login advice of a CLI known to be logged out.
     */
    private RequestReply refuse(PreparedRequest p, Optional<String> loggedOut) {
        deleteTempFiles(p.run());
        if (p.denied()) {
            completion.denied(p);
            return ReplyBodies.denied(p);
        }
        String why = loggedOut.orElseThrow();
        completion.failedWithoutRun(p, why);
        GatewayLog.info("[" + p.correlationId() + "] " + p.cli().key() + " not started: known to be logged out");
        return new RequestReply.CliFailure(p.cli().key(), 1, why, p.correlationId());
    }

    private static RequestReply finished(PreparedRequest p, RunOutcome o) {
        if (o.succeeded()) {
            return ReplyBodies.success(p, o);
        }
        return new RequestReply.CliFailure(p.cli().key(), o.failureCode(),
                o.failureText(p.cli(), p.outputFormat()), p.correlationId());
    }

    // ---------------------------------------------------------------- async

    /**
     * Runs a prepared async request (see {@link #async}). A request that starts a job (or reuses one) gets
     * its recorder row once the job is known, with the job's id, in one write; one that does not gets it
     * before it is refused or fails.
     */
    public RequestReply runAsync(PreparedRequest p) {
        Optional<String> loggedOut = loggedOut(p);
        if (p.denied() || loggedOut.isPresent()) {
            completion.started(p, null);
            return refuse(p, loggedOut);
        }
        JobStart start;
        try {
            // anti-orphan: a session store failure must not leave a job running behind an error reply
            bookkeeping.apply(p.run().session().storeActions());
            start = engine.start(p.invocation(), p.correlationId(), p.call().shared().forceRefresh());
        } catch (RuntimeException e) {
            deleteTempFiles(p.run());
            completion.started(p, null);
            completion.failedWithoutRun(p, message(e));
            return new RequestReply.HandlerError(p.operation(), p.correlationId(), e);
        }
        PreparedRequest joined = joined(p, start);
        if (joined != p) {
            // the session booked above for the id this request minted never ran: book the reused run's instead
            String minted = p.run().session().effectiveSessionId();
            try {
                sessions.delete(minted);
                bookkeeping.apply(joined.run().session().storeActions());
            } catch (RuntimeException e) {
                GatewayLog.warn("[" + p.correlationId() + "] session bookkeeping of a deduplicated request: "
                        + message(e));
            }
            p = joined;
        }
        String jobId = start.job().id();
        completion.started(p, jobId); // before the job's end can be booked against the row
        tracker.track(p, RequestCompletion.Mode.ASYNC, jobId);
        return ReplyBodies.started(p, start, p.call().startedSessionId(p.run().session(), sessions));
    }

    /**
     * A request deduplicated onto a run that was started with a session id minted for it (Gemini's fresh
     * {@code --session-id}) reports and books that run's id, not the one minted for this request, which
     * never reached a CLI.
     */
    private PreparedRequest joined(PreparedRequest p, JobStart start) {
        String minted = p.run().session().effectiveSessionId();
        if (!start.deduped() || minted == null) {
            return p;
        }
        Optional<String> existing = engine.args(start.job().id()).flatMap(p.invocation()::freshIdIn);
        if (existing.isEmpty() || existing.get().equals(minted)) {
            return p;
        }
        return p.withSession(p.run().session().joining(minted, existing.get()));
    }

    /**
     * Call after the job engine has shut down: waits (a few seconds at most) until the requests of the
     * jobs it ended are booked in the recorder and the session store.
     */
    @Override
    public void close() {
        try {
            if (!tracker.awaitBooked(Duration.ofSeconds(5))) {
                GatewayLog.warn("shutdown: some requests were still running; their recorder rows stay 'started'");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** Temp files of a run that never reached the job engine (which otherwise deletes them). */
    private static void deleteTempFiles(PreparedRun run) {
        for (Path file : run.invocation().tempFiles()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                GatewayLog.warn("could not delete temp file " + file + ": " + e.getMessage());
            }
        }
    }
}
