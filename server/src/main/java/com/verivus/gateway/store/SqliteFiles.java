package com.verivus.gateway.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/**
 * How the gateway opens its SQLite files (the job store and the flight recorder, which may share
 * logs.db with each other and with the Node gateway), so both open them the same way.
 */
public final class SqliteFiles {

    private SqliteFiles() {
    }

    /**
     * SQLite's own checkpoint threshold on the gateway's connections, in pages: a safety net only, since
     * {@link WalCheckpoints} checkpoints once writes pause (SQLite's default is 1,000).
     */
    static final int AUTOCHECKPOINT_PAGES = 10_000;

    /** A WAL that grew past this is cut back to it when it is next reset (SQLite keeps it whole otherwise). */
    static final int WAL_SIZE_LIMIT_BYTES = 4 << 20;

    /**
     * WAL, so readers never wait for the writer; synchronous NORMAL, which cannot corrupt a WAL file and
     * only skips an fsync per commit; a busy timeout for writers of other gateways on the same file;
     * checkpoints left to {@link WalCheckpoints}.
     */
    public static SQLiteConfig walConfig(int busyTimeoutMs) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(busyTimeoutMs);
        config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, Integer.toString(AUTOCHECKPOINT_PAGES));
        config.setJournalSizeLimit(WAL_SIZE_LIMIT_BYTES);
        return config;
    }

    /** Opens {@code file}; not through DriverManager, whose first use loads every JDBC driver on the class path. */
    public static Connection open(Path file, SQLiteConfig config) throws SQLException {
        return org.sqlite.JDBC.createConnection("jdbc:sqlite:" + file, config.toProperties());
    }
}
