package com.verivus.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The prepared statements of one SQLite connection, each SQL text prepared once and reused: SQLite parses and
 * plans a statement when it is prepared, and the stores run the same few statements for every job and request.
 * Not thread-safe: the owner uses it only while holding the lock that serialises its connection.
 */
public final class StatementCache implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    public StatementCache(Connection connection) {
        this.connection = connection;
    }

    /** The statement for {@code sql}, prepared now or reused with its parameters cleared. */
    public PreparedStatement get(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        } else {
            ps.clearParameters();
        }
        return ps;
    }

    /** Drops the statement for {@code sql} (after a failure, so that the next use prepares it afresh). */
    public void discard(String sql) {
        PreparedStatement ps = statements.remove(sql);
        if (ps != null) {
            closeQuietly(ps);
        }
    }

    /** Closes every statement (call before closing the connection); a later {@link #get} prepares afresh. */
    @Override
    public void close() {
        statements.values().forEach(StatementCache::closeQuietly);
        statements.clear();
    }

    private static void closeQuietly(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException e) {
            // the connection closes it at the latest
        }
    }
}
