package com.verivus.gateway.process;

import java.time.Instant;

/**
 * One sample of a process, as llm_process_health reports it.
 *
 * @param state the /proc state letter (R, S, D, Z, T, ...), null when unreadable
 * @param cpuPercent share of all CPUs' time since the previous sample of this pid; null on the first sample
 * @param memoryRssKb VmRSS in kB, null when unreadable (a zombie has none)
 */
public record ProcessHealth(long pid, boolean alive, String state, Double cpuPercent, Long memoryRssKb,
                            Instant sampledAt) {
}
