package com.verivus.dag.isolation;

import java.io.PrintWriter;

/** Progress on stderr, one prefixed line at a time, so a long step never looks hung. */
public final class ProgressLog {

    private final PrintWriter err;

    public ProgressLog(PrintWriter err) {
        this.err = err;
    }

    public void info(String message) {
        synchronized (err) {
            err.println("[isolate] " + message);
            err.flush();
        }
    }

    public void unit(String unitId, String message) {
        info(unitId + ": " + message);
    }
}
