package com.verivus.gateway.store.postgres;

import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.store.JobSignalListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Job events between the gateways of one database over {@code LISTEN/NOTIFY} on the channel
 * {@value #CHANNEL}: the payload is {@code finished:<job id>} or {@code cancel:<job id>}. Writers send
 * them inside their transaction ({@link #notify}), so they are delivered only once the row is
 * committed. One daemon thread holds a dedicated connection (not a pooled one) and reconnects with
 * a back-off when the server goes away; events sent while it was away are lost, which is why waiters
 * also re-read the row now and then.
 */
final class PostgresJobEvents implements AutoCloseable {

    static final String CHANNEL = "llm_gateway_jobs";
    static final String FINISHED = "finished";
    static final String CANCEL = "cancel";
    private static final int POLL_MS = 500;
    private static final long MAX_BACKOFF_MS = 5_000;

    private final PostgresDatabase db;
    private final List<JobSignalListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread thread;

    PostgresJobEvents(PostgresDatabase db) {
        this.db = db;
    }

    static void notify(Connection c, String kind, String jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, kind + ":" + jobId);
            ps.execute();
        }
    }

    /** Adds a listener; the first one starts the listening thread. */
    void subscribe(JobSignalListener listener) {
        listeners.add(listener);
        if (started.compareAndSet(false, true)) {
            thread = Thread.ofPlatform().daemon().name("pg-job-events").start(this::run);
        }
    }

    boolean listening() {
        return listening;
    }

    private void run() {
        long backoff = 100;
        while (!closed.get()) {
            try (Connection c = db.dedicatedConnection()) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                if (!listening) {
                    GatewayLog.debug("listening for job events on " + db.dsn().redacted());
                }
                listening = true;
                backoff = 100;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed.get()) {
                    PGNotification[] batch = pg.getNotifications(POLL_MS);
                    if (batch != null) {
                        for (PGNotification n : batch) {
                            dispatch(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed.get()) {
                    return;
                }
                if (listening) {
                    GatewayLog.warn("job event listener lost PostgreSQL (" + PostgresDatabase.rootMessage(e)
                            + "); reconnecting");
                }
                listening = false;
                sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            } finally {
                connection = null;
            }
        }
    }

    private void dispatch(String payload) {
        int colon = payload == null ? -1 : payload.indexOf(':');
        if (colon < 0) {
            return;
        }
        String kind = payload.substring(0, colon);
        String id = payload.substring(colon + 1);
        for (JobSignalListener l : listeners) {
            try {
                if (FINISHED.equals(kind)) {
                    l.jobFinished(id);
                } else if (CANCEL.equals(kind)) {
                    l.cancelRequested(id);
                }
            } catch (RuntimeException e) {
                GatewayLog.error("job event listener failed for " + payload, e);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        if (thread != null) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
