package com.verivus.gateway.job;

import com.verivus.gateway.log.GatewayLog;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The runs of this gateway as they settle, each once, with its untruncated output: for observers that
 * learn from every run whichever tool started it (the login gate). It is not how to wait for a job —
 * {@link JobEngine#finished} is — and it never carries jobs reused by dedup or run by another gateway.
 */
public final class SettledRuns {

    private final List<Consumer<JobResult>> observers = new CopyOnWriteArrayList<>();

    /** {@code observer} runs on the settling job's thread; what it throws is logged and goes no further. */
    public void subscribe(Consumer<JobResult> observer) {
        observers.add(Objects.requireNonNull(observer, "observer"));
    }

    /** The result is copied only when someone observes: the output can be 50 MB. */
    void publish(String jobId, Supplier<JobResult> result) {
        if (observers.isEmpty()) {
            return;
        }
        JobResult r = result.get();
        for (Consumer<JobResult> observer : observers) {
            try {
                observer.accept(r);
            } catch (RuntimeException e) {
                GatewayLog.error("observer of settled runs failed for job " + jobId, e);
            }
        }
    }
}
