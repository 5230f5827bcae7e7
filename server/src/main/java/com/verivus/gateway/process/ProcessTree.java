package com.verivus.gateway.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A process and all its descendants as one unit of control. Java cannot start a child in its own
 * process group, so instead of signalling a group the tree is walked: descendants are captured
 * BEFORE any signal (a killed parent's children are re-parented and no longer reachable from it),
 * every member gets SIGTERM, and whatever is still alive after the grace period gets SIGKILL.
 * ProcessHandle remembers each member's start time, so a recycled pid is never signalled.
 */
public final class ProcessTree {

    private ProcessTree() {
    }

    /**
     * SIGTERM now to the root and every descendant, SIGKILL to survivors after {@code grace}.
     * The returned future completes when the SIGKILL pass has run (or at once if all are gone).
     */
    public static CompletableFuture<Void> terminate(ProcessHandle root, Duration grace) {
        Map<Long, ProcessHandle> members = members(root);
        for (ProcessHandle member : members.values()) {
            member.destroy();
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        ProcessTimers.shared().schedule(() -> Thread.startVirtualThread(() -> {
            try {
                // children started after the SIGTERM (a trap handler, say) are caught here too
                Map<Long, ProcessHandle> now = new LinkedHashMap<>(members);
                if (root.isAlive()) {
                    now.putAll(members(root));
                }
                for (ProcessHandle h : new ArrayList<>(members.values())) {
                    if (h.isAlive()) {
                        h.descendants().forEach(d -> now.putIfAbsent(d.pid(), d));
                    }
                }
                for (ProcessHandle member : now.values()) {
                    if (member.isAlive()) {
                        member.destroyForcibly();
                    }
                }
            } finally {
                done.complete(null);
            }
        }), Math.max(0, grace.toMillis()), TimeUnit.MILLISECONDS);
        return done;
    }

    /** SIGKILL to the root and every descendant, at once. */
    public static void kill(ProcessHandle root) {
        for (ProcessHandle member : members(root).values()) {
            member.destroyForcibly();
        }
    }

    /** The root first, then its descendants (captured now). */
    static Map<Long, ProcessHandle> members(ProcessHandle root) {
        Map<Long, ProcessHandle> members = new LinkedHashMap<>();
        List<ProcessHandle> descendants = root.descendants().toList();
        members.put(root.pid(), root);
        for (ProcessHandle d : descendants) {
            members.putIfAbsent(d.pid(), d);
        }
        return members;
    }
}
