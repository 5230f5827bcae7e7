package com.verivus.gateway.store;

import com.verivus.gateway.log.GatewayLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Moves a connection's WAL checkpoints off the write path. SQLite checkpoints in the thread whose commit
 * takes the WAL past {@code wal_autocheckpoint} pages, copying pages and syncing twice while every other
 * writer waits; in a burst of requests that was every ~50th write. Here the connection's own threshold is
 * a safety net ({@link SqliteFiles#AUTOCHECKPOINT_PAGES}) and a PASSIVE checkpoint runs on a virtual
 * thread once writes have paused for {@link #QUIET} (or {@link #AT_MOST} after the first unsynced write,
 * under steady writes). Nothing runs while no one writes: an idle gateway has no timer.
 */
public final class WalCheckpoints {

    static final Duration QUIET = Duration.ofMillis(200);
    static final Duration AT_MOST = Duration.ofSeconds(2);

    private final Runnable checkpoint;
    private final AtomicBoolean armed = new AtomicBoolean();
    private volatile long lastWrite;

    /**
     * @param checkpoint runs {@link #passive} on the owner's connection, under the owner's lock (the
     *                   connection is used by one thread at a time)
     */
    public WalCheckpoints(Runnable checkpoint) {
        this.checkpoint = checkpoint;
    }

    /** Call after each committed write. */
    public void wrote() {
        long now = System.nanoTime();
        lastWrite = now;
        if (armed.compareAndSet(false, true)) {
            Thread.ofVirtual().name("sqlite-checkpoint").start(() -> checkpointWhenQuiet(now));
        }
    }

    private void checkpointWhenQuiet(long firstWrite) {
        try {
            while (true) {
                long now = System.nanoTime();
                long quietFor = now - lastWrite;
                if (quietFor >= QUIET.toNanos() || now - firstWrite >= AT_MOST.toNanos()) {
                    break;
                }
                Thread.sleep(Duration.ofNanos(QUIET.toNanos() - quietFor));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            armed.set(false); // a write from here on arms the next one
        }
        checkpoint.run();
    }

    /** A PASSIVE checkpoint of {@code connection} now: copies what no reader still needs, waits for no one. */
    public static void passive(Connection connection, String what) {
        try {
            if (connection.isClosed()) {
                return;
            }
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(PASSIVE)");
            }
        } catch (SQLException e) {
            GatewayLog.debug(what + ": WAL checkpoint failed (SQLite's own threshold still applies): "
                    + e.getMessage());
        }
    }
}
