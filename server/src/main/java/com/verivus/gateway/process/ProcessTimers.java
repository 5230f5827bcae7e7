package com.verivus.gateway.process;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * One daemon timer thread for every idle timeout, wall timeout and SIGKILL escalation of the
 * process. Timer tasks only hand work to virtual threads, so one thread serves any number of runs.
 */
final class ProcessTimers {

    private static final ScheduledExecutorService TIMERS = create();

    private ProcessTimers() {
    }

    static ScheduledExecutorService shared() {
        return TIMERS;
    }

    private static ScheduledExecutorService create() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "process-timers");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return Executors.unconfigurableScheduledExecutorService(executor);
    }
}
