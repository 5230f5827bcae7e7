package com.verivus.gateway.job;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.config.StallTimeout;
import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.process.LaunchOutcome;
import com.verivus.gateway.process.LaunchSpec;
import com.verivus.gateway.process.LimitBreach;
import com.verivus.gateway.process.ProcessExit;
import com.verivus.gateway.process.ProcessLauncher;
import com.verivus.gateway.process.ProcessRun;
import com.verivus.gateway.provider.CliInvocation;
import com.verivus.gateway.json.IsoTimestamps;
import com.verivus.gateway.store.JobOwner;
import com.verivus.gateway.store.JobRecord;
import com.verivus.gateway.store.JobStatus;
import com.verivus.gateway.store.JobSignalListener;
import com.verivus.gateway.store.JobStore;
import com.verivus.gateway.store.JobStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs CLI invocations as jobs: spawns them, deduplicates identical requests, records them in the
 * job store, signals completion, cancels and kills process trees, recovers from gateways that died.
 * Sync and async tools share it: both {@link #start} a job; a sync tool then waits for it
 * ({@link #finished}) up to its deadline, an async tool returns the snapshot at once. Sampling the
 * running jobs' processes is {@link JobHealthSampler}'s; the direct path is {@link DirectRunner}.
 *
 * <p>Without a store (backend none) jobs still run but are never deduplicated and vanish from memory
 * an hour after they finish.
 */
public final class JobEngine implements AutoCloseable {

    private static final int KEY_STRIPES = 64;
    private static final Duration FOREIGN_POLL = Duration.ofMillis(250);
    private static final Duration SIGNALLED_RECHECK = Duration.ofSeconds(2);
    /** How long llm_job_cancel waits for another gateway to confirm the cancel it asked for. */
    private static final Duration REMOTE_CANCEL_WAIT = Duration.ofSeconds(10);
    private static final String SHUTDOWN_ERROR = "Gateway shut down while job was running";

    private final JobEngineSettings settings;
    private final JobJournal journal;
    private final ProcessLauncher launcher;
    private final Clock clock;
    private final ConcurrentHashMap<String, LiveJob> jobs = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LiveJob> latestByKey = new ConcurrentHashMap<>();
    private final ReentrantLock[] keyLocks = new ReentrantLock[KEY_STRIPES];
    private final SettledRuns settledRuns = new SettledRuns();
    private final ScheduledExecutorService ticker;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ForeignJobWatch foreign;
    private final boolean signalled;
    /** Done once the store's rows of gone gateways are marked orphaned and its expired rows deleted. */
    private final CompletableFuture<Void> recovered;

    /**
     * Creates the engine and, with a store, marks orphaned the running rows of gateways that are gone and
     * deletes expired rows, on a thread of its own (in a store with history that is tens of milliseconds a
     * stdio client would otherwise wait for its first answers): every use of the store waits until that is
     * done, so no tool reads a row before it. Then schedules output flushes, heartbeats and sweeps.
     */
    public JobEngine(JobEngineSettings settings, Optional<JobStore> store, ProcessLauncher launcher, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.clock = clock;
        JobOwner owner = JobOwner.current();
        this.journal = store.map(s -> new JobJournal(s, owner, new OwnerLiveness(owner, settings.lease(), clock),
                clock)).orElse(null);
        for (int i = 0; i < KEY_STRIPES; i++) {
            keyLocks[i] = new ReentrantLock();
        }
        this.signalled = store.map(JobStore::signalsAcrossGateways).orElse(false);
        // with signals a re-read only covers a lost notification; without, it is how a completion is seen
        this.foreign = journal == null ? null
                : new ForeignJobWatch(this::localSettlement, this::readSnapshot,
                        signalled ? SIGNALLED_RECHECK : FOREIGN_POLL);
        this.recovered = journal == null ? CompletableFuture.completedFuture(null) : recoverInBackground();
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "job-engine-ticker");
            t.setDaemon(true);
            return t;
        });
        schedule(this::flushRunningOutput, settings.flushInterval());
        if (journal != null) {
            schedule(this::heartbeat, settings.heartbeatInterval());
            store.get().subscribe(new JobSignalListener() {
                @Override
                public void jobFinished(String id) {
                    foreign.wake(id);
                }

                @Override
                public void cancelRequested(String id) {
                    if (jobs.containsKey(id)) {
                        ticker.execute(() -> cancelRequestedElsewhere(id));
                    }
                }
            });
        }
        schedule(this::sweep, settings.sweepInterval());
    }

    /** The production engine: default settings, the extended PATH of {@code env}, the system clock. */
    public static JobEngine open(GatewayEnvironment env, long dedupWindowMs, Optional<JobStore> store) {
        Duration stall = StallTimeout.fromEnvironment(env, GatewayLog::warn).orElse(null);
        return new JobEngine(JobEngineSettings.defaults(dedupWindowMs).withStallTimeout(stall), store,
                new ProcessLauncher(env), Clock.systemUTC());
    }

    private CompletableFuture<Void> recoverInBackground() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread.ofPlatform().name("job-store-recovery").daemon().start(() -> {
            try {
                sweepStore(journal); // not journal(): that waits for this very recovery
            } finally {
                done.complete(null);
            }
        });
        return done;
    }

    /** The journal, once the start-up recovery of the store is done. */
    private JobJournal journal() {
        recovered.join();
        return journal;
    }

    /**
     * Completes once the start-up recovery of the store (orphans marked, expired rows deleted) is done. The
     * engine's own uses of the store wait for it; this is for a caller that reads the store directly.
     */
    public CompletableFuture<Void> storeRecovered() {
        return recovered;
    }

    public boolean hasStore() {
        return journal != null;
    }

    public Optional<JobStore> store() {
        return journal == null ? Optional.empty() : Optional.of(journal().store());
    }

    public JobEngineSettings settings() {
        return settings;
    }

    /** Every run of this gateway as it settles (for observers that learn from all runs). */
    public SettledRuns settledRuns() {
        return settledRuns;
    }

    // ---------------------------------------------------------------- start

    /**
     * Starts a job for the invocation, or returns a running or completed identical job started within
     * the dedup window (never when {@code forceRefresh}, when the invocation continues a conversation,
     * or without a store). Identical concurrent starts spawn one process. The invocation's temp files
     * are deleted when its job settles — at once when it was deduplicated. A missing binary or another
     * launch failure is not thrown: the job is returned failed (127 / 126).
     *
     * @param correlationId null or blank: a random UUID
     * @throws IllegalArgumentException when the idle timeout is below the engine's minimum
     * @throws IllegalStateException when the engine is shut down
     */
    public JobStart start(CliInvocation invocation, String correlationId, boolean forceRefresh) {
        Objects.requireNonNull(invocation, "invocation");
        if (closed.get()) {
            throw new IllegalStateException("The gateway is shutting down; no new jobs are started");
        }
        Duration idle = settings.idleTimeout(invocation);
        String corr = correlationId == null || correlationId.isBlank() ? UUID.randomUUID().toString() : correlationId;
        String key = RequestKey.of(invocation.cli().key(), invocation.keyArgs(), invocation.env(),
                invocation.workingDir());
        if (forceRefresh || invocation.continuesConversation() || journal == null) {
            LiveJob job = newJob(invocation, key, corr);
            if (journal != null) {
                claimOrCleanUp(job, invocation, null);
            }
            return new JobStart(spawn(job, invocation, idle).snapshot(), false, null);
        }
        ReentrantLock lock = keyLocks[Math.floorMod(key.hashCode(), KEY_STRIPES)];
        lock.lock();
        try {
            Optional<JobSnapshot> reusable = ownReusable(key);
            LiveJob job = null;
            // the store decides across gateways; a reusable row of a gone gateway is orphaned by the
            // refresh and then no longer reusable, so a second claim starts afresh
            for (int attempt = 0; reusable.isEmpty() && attempt < 3; attempt++) {
                job = newJob(invocation, key, corr);
                Optional<JobRecord> row = claimOrCleanUp(job, invocation, now().minusMillis(settings.dedupWindowMs()));
                if (row.isEmpty()) {
                    return new JobStart(spawn(job, invocation, idle).snapshot(), false, null);
                }
                LiveJob own = jobs.get(row.get().id());
                JobSnapshot s = own != null ? own.snapshot() : JobSnapshot.of(row.get());
                reusable = s.status().reusable() ? Optional.of(s) : Optional.empty();
            }
            if (reusable.isEmpty()) {
                throw new IllegalStateException("dedup kept finding jobs of gone gateways; try again");
            }
            JobSnapshot existing = reusable.get();
            deleteFiles(invocation.tempFiles());
            GatewayLog.info("Job " + existing.id() + " reused via dedup for " + invocation.cli().key()
                    + " (correlationId " + corr + ", original " + existing.correlationId() + ")");
            return new JobStart(existing, true, existing.correlationId());
        } finally {
            lock.unlock();
        }
    }

    /** Records the job before it spawns; a store failure fails the request (temp files deleted). */
    private Optional<JobRecord> claimOrCleanUp(LiveJob job, CliInvocation invocation, Instant dedupCutoff) {
        try {
            return journal().claim(job, dedupCutoff, jobs::containsKey);
        } catch (RuntimeException e) {
            deleteFiles(invocation.tempFiles());
            GatewayLog.error("JobStore.startOrReuse failed; request not run", e);
            throw new JobStoreException("The job store is unavailable, so the request was not run: "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        }
    }

    /** This gateway's latest job for the key when it is still reusable: no store round trip needed. */
    private Optional<JobSnapshot> ownReusable(String key) {
        Instant cutoff = now().minusMillis(settings.dedupWindowMs());
        LiveJob latest = latestByKey.get(key);
        if (latest != null) {
            JobSnapshot s = latest.snapshot();
            if (s.status().reusable() && !s.startedAt().isBefore(cutoff)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private LiveJob newJob(CliInvocation inv, String key, String correlationId) {
        return new LiveJob(UUID.randomUUID().toString(), key, correlationId, inv.cli().key(), inv.args(),
                inv.outputFormat(), inv.workingDir(), now(), inv.tempFiles(), settings.maxOutputBytes());
    }

    /** Spawns the job's process (its row, with a store, is already recorded). */
    private LiveJob spawn(LiveJob job, CliInvocation inv, Duration idle) {
        LaunchOutcome outcome = launcher.launch(new LaunchSpec(inv.cli().executable(), inv.args(), inv.env(),
                inv.workingDir(), settings.limits(idle)));
        switch (outcome) {
            case LaunchOutcome.Failed failed -> {
                String cli = inv.cli().key();
                String message = failed.failure().missingBinary()
                        ? "The '" + cli + "' command was not found. Install the " + cli
                                + " CLI and make sure it is on PATH. (" + failed.failure().detail() + ")"
                        : "Failed to launch " + cli + " CLI: " + failed.failure().detail();
                job.launchFailed(failed.failure().exitCode(), message, now());
                register(job);
                GatewayLog.error("Job " + job.id + " error: " + message);
                settle(job);
            }
            case LaunchOutcome.Started started -> {
                ProcessRun run = started.run();
                job.attach(run);
                register(job);
                if (journal != null) {
                    journal().recordPid(job, run.pid());
                }
                GatewayLog.info("Job " + job.id + " started for " + inv.cli().key() + " (pid " + run.pid()
                        + ", correlationId " + job.correlationId + ")");
                run.finished().whenComplete((exit, failure) -> onExit(job, exit));
                run.start(new ProcessRun.Observer() {
                    @Override
                    public void onBreach(LimitBreach breach) {
                        onLimit(job, breach, idle, run.repeatedLine());
                    }
                });
            }
        }
        return job;
    }

    private void register(LiveJob job) {
        jobs.put(job.id, job);
        latestByKey.put(job.requestKey, job);
    }

    private void onLimit(LiveJob job, LimitBreach breach, Duration idle, String repeatedLine) {
        boolean changed = switch (breach) {
            case IDLE_TIMEOUT -> job.transition(JobStatus.FAILED, 125,
                    "Process killed after " + idle.toMillis() + "ms of inactivity", now());
            case STALLED -> job.transition(JobStatus.FAILED, 125, settings.stalledMessage(repeatedLine),
                    now());
            case OUTPUT_OVERFLOW -> job.transition(JobStatus.FAILED, 126, "Output exceeded maximum size (50MB)", now());
            case WALL_TIMEOUT -> false; // jobs have no wall-clock limit
        };
        if (changed) {
            GatewayLog.info("Job " + job.id + " killed: " + switch (breach) {
                case IDLE_TIMEOUT -> "inactivity (" + idle.toMillis() + "ms)";
                case STALLED -> "no progress (" + settings.stallTimeout().toMillis() + "ms of: " + repeatedLine + ")";
                default -> "output overflow";
            });
        }
        persist(job);
    }

    private void onExit(LiveJob job, ProcessExit exit) {
        job.exited(exit == null ? 1 : exit.exitCode(), now());
        settle(job);
    }

    /** Final persistence, temp-file cleanup, then the end is told (waiters, settled runs), exactly once. */
    private void settle(LiveJob job) {
        if (!job.beginSettling()) {
            return;
        }
        persist(job);
        if (job.releaseTempFiles()) {
            deleteFiles(job.tempFiles);
        }
        job.settled.complete(job.snapshot());
        settledRuns.publish(job.id, () -> job.result(Integer.MAX_VALUE));
    }

    private void persist(LiveJob job) {
        if (journal != null) {
            journal().persist(job);
        }
    }

    // ---------------------------------------------------------------- read

    /** The job's snapshot: from memory, else from the store (a running row of another gateway is re-read). */
    public Optional<JobSnapshot> snapshot(String jobId) {
        LiveJob job = jobs.get(jobId);
        if (job != null) {
            return Optional.of(job.snapshot());
        }
        return readStore(jobId).map(JobSnapshot::of);
    }

    /** Snapshots of the jobs this gateway holds in memory (running and recently finished), newest first. */
    public List<JobSnapshot> recentSnapshots() {
        return jobs.values().stream().map(LiveJob::snapshot)
                .sorted(Comparator.comparing(JobSnapshot::startedAt).reversed()).toList();
    }

    /** The argv a job was started with (from memory, else from the store). */
    public Optional<List<String>> args(String jobId) {
        LiveJob job = jobs.get(jobId);
        if (job != null) {
            return Optional.of(job.args);
        }
        return readStore(jobId).map(JobRecord::args);
    }

    /** The snapshot plus the last {@code maxChars} characters of each stream. */
    public Optional<JobResult> result(String jobId, int maxChars) {
        if (maxChars < 0) {
            throw new IllegalArgumentException("maxChars must be >= 0");
        }
        LiveJob job = jobs.get(jobId);
        if (job != null) {
            return Optional.of(job.result(maxChars));
        }
        return readStore(jobId).map(r -> JobResult.of(JobSnapshot.of(r), r.stdout(), r.stderr(), maxChars));
    }

    /**
     * The one way to wait for a job: a future completed with its terminal snapshot — at once for a job
     * already over, when it settles for a job of this gateway (process gone, output complete and
     * persisted), and for a job of another gateway sharing the store when the store signals its end
     * (PostgreSQL NOTIFY, re-read every few seconds in case a signal was lost) or a re-read finds it
     * over (a shared SQLite file: every 250 ms). Fails with {@link IllegalArgumentException} when no
     * such job exists, with {@link IllegalStateException} when the engine shuts down before a job of
     * another gateway ends. Cancel the future to stop waiting; the job is not affected. Read the output
     * with {@link #finalResult} once it completes.
     */
    public CompletableFuture<JobSnapshot> finished(String jobId) {
        LiveJob job = jobs.get(jobId);
        if (job != null) {
            return job.settled.copy(); // a copy: a waiter cancelling must not touch the job's own future
        }
        if (foreign == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Job not found: " + jobId));
        }
        return foreign.watch(jobId);
    }

    private Optional<CompletableFuture<JobSnapshot>> localSettlement(String jobId) {
        return Optional.ofNullable(jobs.get(jobId)).map(job -> job.settled);
    }

    private Optional<JobSnapshot> readSnapshot(String jobId) {
        return readStore(jobId).map(JobSnapshot::of);
    }

    /** The untruncated result of a job {@link #finished} reported; without output when none is kept any more. */
    public JobResult finalResult(JobSnapshot ended) {
        return result(ended.id(), Integer.MAX_VALUE).orElseGet(() -> JobResult.of(ended, "", "", Integer.MAX_VALUE));
    }

    /**
     * {@link #finished}, blocking: the terminal snapshot, or empty when {@code timeout} passes (or the
     * engine shuts down) first.
     *
     * @throws IllegalArgumentException when no such job exists
     */
    public Optional<JobSnapshot> awaitTerminal(String jobId, Duration timeout) throws InterruptedException {
        CompletableFuture<JobSnapshot> end = finished(jobId);
        try {
            return Optional.of(end.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IllegalArgumentException notFound) {
                throw notFound;
            }
            return Optional.empty(); // the gateway shut down first: the job is not over, as far as it knows
        } finally {
            end.cancel(false); // a no-op once complete; else the foreign watch drops this waiter
        }
    }

    private Optional<JobRecord> readStore(String jobId) {
        return journal == null ? Optional.empty() : journal().read(jobId, jobs::containsKey);
    }

    // ---------------------------------------------------------------- cancel

    /**
     * Cancels a running job of this gateway: status canceled at once (and persisted), SIGTERM to its
     * process tree, SIGKILL after the grace period; its output keeps being captured until the tree is
     * gone and is then persisted. Jobs only in the store are looked up there, so the reason is true:
     * finished, orphaned, or running on another live gateway.
     */
    public CancelResult cancel(String jobId) {
        LiveJob job = jobs.get(jobId);
        if (job != null) {
            if (!job.transition(JobStatus.CANCELED, null, null, now())) {
                return new CancelResult.AlreadyFinished(jobId, job.status());
            }
            GatewayLog.info("Job " + jobId + " canceled (correlationId " + job.correlationId + ")");
            persist(job);
            ProcessRun run = job.run();
            if (run != null) {
                run.terminate();
            }
            return new CancelResult.Canceled(jobId);
        }
        Optional<JobRecord> row = readStore(jobId);
        if (row.isEmpty()) {
            return new CancelResult.NotFound(jobId);
        }
        JobRecord r = row.get();
        if (r.status().terminal()) {
            return new CancelResult.AlreadyFinished(jobId, r.status());
        }
        if (journal().ownerGone(r)) {
            journal().markOrphaned(r);
            return new CancelResult.NoLiveProcess(jobId);
        }
        if (!journal().requestCancel(jobId)) {
            return new CancelResult.RunningElsewhere(jobId, r.owner());
        }
        // the owner cancels as soon as it hears of the request; report what it did
        try {
            Optional<JobSnapshot> after = awaitTerminal(jobId, REMOTE_CANCEL_WAIT);
            if (after.isPresent()) {
                return after.get().status() == JobStatus.CANCELED ? new CancelResult.Canceled(jobId)
                        : new CancelResult.AlreadyFinished(jobId, after.get().status());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new CancelResult.CancelRequested(jobId, r.owner());
    }

    /** Another gateway asked to cancel a job of this one (a signal, or found at a heartbeat). */
    private void cancelRequestedElsewhere(String jobId) {
        LiveJob job = jobs.get(jobId);
        if (job != null && job.status() == JobStatus.RUNNING) {
            GatewayLog.info("Job " + jobId + " cancel requested through another gateway");
            cancel(jobId);
        }
    }

    // ---------------------------------------------------------------- health

    /** The jobs of this gateway still running, oldest first (for {@link JobHealthSampler}). */
    List<LiveJob> running() {
        return jobs.values().stream().filter(j -> j.status() == JobStatus.RUNNING)
                .sorted(Comparator.comparing((LiveJob j) -> j.startedAt)).toList();
    }

    // ---------------------------------------------------------------- timers

    private void schedule(Runnable task, Duration every) {
        long ms = Math.max(1, every.toMillis());
        ticker.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                GatewayLog.error("job engine background task failed", e);
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    /**
     * At most once per flush interval: new output of running jobs goes to the store, and a final state
     * the store refused (a database that was away) is written again.
     */
    private void flushRunningOutput() {
        if (journal == null) {
            return;
        }
        for (LiveJob job : jobs.values()) {
            if (job.status() == JobStatus.RUNNING) {
                if (job.output().version() != job.persistedOutputVersion) {
                    persist(job);
                }
            } else if (job.finalStateUnpersisted()) {
                persist(job);
            }
        }
    }

    /** Refreshes this gateway's lease on its running rows, and picks up cancels whose signal was lost. */
    private void heartbeat() {
        List<String> running = jobs.values().stream().filter(j -> j.status() == JobStatus.RUNNING).map(j -> j.id)
                .toList();
        journal().heartbeat(running);
        if (signalled) {
            journal().cancelRequested(running).forEach(this::cancelRequestedElsewhere);
        }
    }

    /** Every sweep interval: forget old finished jobs, orphan rows of dead gateways, delete expired rows. */
    private void sweep() {
        Instant forgetBefore = now().minus(settings.memoryRetention());
        for (LiveJob job : jobs.values()) {
            Instant finished = job.finishedAt();
            if (job.isSettled() && finished != null && finished.isBefore(forgetBefore) && !job.finalStateUnpersisted()) {
                jobs.remove(job.id, job);
                latestByKey.remove(job.requestKey, job);
            }
        }
        if (journal != null) {
            sweepStore(journal());
        }
    }

    /** Marks orphaned the running rows of gateways that are gone, and deletes the expired rows. */
    private void sweepStore(JobJournal store) {
        store.sweepOrphans(jobs::containsKey);
        store.evictExpired();
    }

    // ---------------------------------------------------------------- shutdown

    /**
     * Shuts down: no new jobs; every running job is marked orphaned ("Gateway shut down while job was
     * running") and its process tree terminated (SIGTERM, SIGKILL after the grace period); waits for
     * the trees to go and persists the final state and output. Does not close the store.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        recovered.join(); // a gateway stopped right after its start still leaves the store recovered
        ticker.shutdownNow();
        if (foreign != null) {
            foreign.close();
        }
        List<LiveJob> unsettled = jobs.values().stream().filter(j -> !j.isSettled()).toList();
        for (LiveJob job : unsettled) {
            if (job.transition(JobStatus.ORPHANED, null, SHUTDOWN_ERROR, now())) {
                persist(job);
            }
            ProcessRun run = job.run();
            if (run != null) {
                run.terminate();
            }
        }
        Duration wait = settings.killGrace().plus(settings.drainGrace()).plusSeconds(1);
        try {
            CompletableFuture.allOf(unsettled.stream().map(j -> j.settled).toArray(CompletableFuture[]::new))
                    .get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            GatewayLog.warn("shutdown: some job processes did not finish within " + wait.toMillis() + "ms");
        }
        for (LiveJob job : unsettled) {
            if (!job.isSettled()) {
                persist(job);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private Instant now() {
        return IsoTimestamps.millis(clock.instant());
    }

    private static void deleteFiles(List<Path> files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                GatewayLog.warn("could not delete temp file " + file + ": " + e.getMessage());
            }
        }
    }
}
