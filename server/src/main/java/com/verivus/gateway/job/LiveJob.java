package com.verivus.gateway.job;

import com.verivus.gateway.process.CapturedOutput;
import com.verivus.gateway.process.ProcessRun;
import com.verivus.gateway.store.JobStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A job started by this gateway, while it is in memory. State changes are synchronized on the
 * instance. Two moments matter: the transition (status decided — at exit, cancel, a limit breach or
 * shutdown) and the settlement (process gone, output complete: persisted, temp files deleted,
 * {@link #settled} completed, settled runs told). For a plain exit both happen together; for a kill the
 * settlement follows once the process tree is gone, so output written while dying is kept.
 */
final class LiveJob {

    /** Everything a store write needs, taken atomically; a higher seq is a later state. */
    record Image(long seq, JobStatus status, Integer exitCode, String error, Instant finishedAt,
                 CapturedOutput.Snapshot output) {
    }

    final String id;
    final String requestKey;
    final String correlationId;
    final String cli;
    final List<String> args;
    final String outputFormat;
    /** Null: the gateway's own working directory. */
    final Path workingDir;
    final Instant startedAt;
    final List<Path> tempFiles;
    final CompletableFuture<JobSnapshot> settled = new CompletableFuture<>();
    final ReentrantLock persistLock = new ReentrantLock();
    /** Guarded by persistLock. */
    long persistedSeq;
    volatile long persistedOutputVersion;
    /** The status of the last write the store accepted (null before any). */
    volatile JobStatus persistedStatus;

    private final AtomicBoolean settling = new AtomicBoolean();
    private final AtomicBoolean tempFilesReleased = new AtomicBoolean();
    private CapturedOutput output;
    private ProcessRun run;
    private JobStatus status = JobStatus.RUNNING;
    private Integer exitCode;
    private String error;
    private Instant finishedAt;
    private boolean exited;
    private long seq;

    LiveJob(String id, String requestKey, String correlationId, String cli, List<String> args, String outputFormat,
            Path workingDir, Instant startedAt, List<Path> tempFiles, long maxOutputBytes) {
        this.id = id;
        this.requestKey = requestKey;
        this.correlationId = correlationId;
        this.cli = cli;
        this.args = List.copyOf(args);
        this.outputFormat = outputFormat;
        this.workingDir = workingDir;
        this.startedAt = startedAt;
        this.tempFiles = List.copyOf(tempFiles);
        this.output = new CapturedOutput(maxOutputBytes);
    }

    synchronized void attach(ProcessRun run) {
        this.run = run;
        this.output = run.output();
    }

    synchronized ProcessRun run() {
        return run;
    }

    synchronized Long pid() {
        return run == null ? null : run.pid();
    }

    synchronized JobStatus status() {
        return status;
    }

    synchronized Instant finishedAt() {
        return finishedAt;
    }

    synchronized CapturedOutput output() {
        return output;
    }

    /** Moves a RUNNING job to a terminal status; false (nothing changed) when it already left RUNNING. */
    synchronized boolean transition(JobStatus to, Integer code, String message, Instant at) {
        if (status != JobStatus.RUNNING) {
            return false;
        }
        status = to;
        exitCode = code;
        error = message;
        finishedAt = at;
        return true;
    }

    /** The launch failed: failed with 127/126, the message as error and appended to stderr. */
    synchronized void launchFailed(int code, String message, Instant at) {
        transition(JobStatus.FAILED, code, message, at);
        output.appendStderrLine(message);
        exited = true;
    }

    /**
     * The process exited: a still-running job completes (0) or fails (anything else); a job already
     * moved to a terminal status keeps it and its exit code, gaining the process's code if it had none.
     */
    synchronized void exited(int code, Instant at) {
        exited = true;
        if (status == JobStatus.RUNNING) {
            transition(code == 0 ? JobStatus.COMPLETED : JobStatus.FAILED, code, null, at);
        } else if (exitCode == null) {
            exitCode = code;
        }
    }

    synchronized boolean hasExited() {
        return exited;
    }

    synchronized JobSnapshot snapshot() {
        CapturedOutput.Snapshot sizes = output.sizes();
        return new JobSnapshot(id, cli, status, startedAt, finishedAt, exitCode, correlationId, sizes.truncated(),
                sizes.stdoutBytes(), sizes.stderrBytes(), error, exited, outputFormat,
                workingDir == null ? null : workingDir.toString());
    }

    synchronized JobResult result(int maxChars) {
        CapturedOutput.Tail out = output.tail(maxChars);
        return new JobResult(snapshot(), out.stdout(), out.stderr(), out.stdoutCut(), out.stderrCut());
    }

    synchronized Image image() {
        return new Image(++seq, status, exitCode, error, finishedAt, output.snapshot());
    }

    /**
     * Settled, but the store has not accepted its final state (it was away when the job ended): the
     * engine writes it again until it lands, so nothing completed is lost.
     */
    boolean finalStateUnpersisted() {
        return isSettled() && (persistedStatus != status() || persistedOutputVersion != output().version());
    }

    /** True for the one caller that settles the job. */
    boolean beginSettling() {
        return settling.compareAndSet(false, true);
    }

    boolean isSettled() {
        return settled.isDone();
    }

    /** True for the one caller that deletes the temp files. */
    boolean releaseTempFiles() {
        return tempFilesReleased.compareAndSet(false, true);
    }
}
