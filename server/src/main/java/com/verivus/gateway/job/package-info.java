/**
 * Jobs: every CLI run of the gateway, sync or async, is a job of the {@link com.verivus.gateway.job.JobEngine}.
 *
 * <p>Where this differs from llm-cli-gateway 1.5.14, on purpose:
 * <ul>
 * <li>Completion is signalled ({@code finished} completes when the job settles), not polled every second; a job
 *     of another gateway on the shared store is re-read (every 250 ms on SQLite; on PostgreSQL at its NOTIFY).</li>
 * <li>Output written while a killed process dies (cancel, idle timeout, shutdown) is captured and persisted;
 *     the job settles — temp-file cleanup, {@code finished}, {@code SettledRuns} — once the process tree is gone.</li>
 * <li>A process killed by a signal reports 128 + the signal number (143 for SIGTERM, 137 for SIGKILL), as a
 *     shell does; Node reports null (or 0, and "completed", for a process killed from outside).</li>
 * <li>Several gateways may share one logs.db: running rows carry their owner (host, pid, process start) and
 *     a heartbeat, and only rows whose owner is gone are orphaned (see {@code OwnerLiveness}). Running rows
 *     of other gateways are re-read on every access, never cached. Cancelling such a job says where it runs.</li>
 * <li>Requests that continue a conversation are never deduplicated.</li>
 * <li>Shutdown marks its running jobs orphaned ("Gateway shut down while job was running") and kills their
 *     process trees; Node leaves them "running" for the next start to orphan.</li>
 * <li>The direct path keeps the extended PATH when the invocation sets environment variables.</li>
 * </ul>
 */
package com.verivus.gateway.job;
