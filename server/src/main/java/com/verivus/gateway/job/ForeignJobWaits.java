package com.verivus.gateway.job;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Callers waiting for jobs that another gateway runs, woken when the shared store signals a
 * completion. Each waiter has its own future, so one leaving does not unhook another.
 */
final class ForeignJobWaits {

    private final ConcurrentHashMap<String, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();

    CompletableFuture<Void> register(String jobId) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        waiting.computeIfAbsent(jobId, k -> ConcurrentHashMap.newKeySet()).add(f);
        return f;
    }

    void release(String jobId, CompletableFuture<Void> f) {
        waiting.computeIfPresent(jobId, (k, set) -> {
            set.remove(f);
            return set.isEmpty() ? null : set;
        });
    }

    void wake(String jobId) {
        Set<CompletableFuture<Void>> set = waiting.remove(jobId);
        if (set != null) {
            set.forEach(f -> f.complete(null));
        }
    }
}
