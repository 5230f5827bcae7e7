package com.verivus.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statements of a real SQLite file, prepared once and reused; a failed one is prepared afresh. */
class StatementCacheTest {

    private static final String INSERT = "INSERT INTO t (id, v) VALUES (?, ?)";
    private static final String SELECT = "SELECT v FROM t WHERE id = ?";

    @TempDir
    Path dir;

    @Test
    void aStatementIsPreparedOnceAndReusedWithItsParametersCleared() throws SQLException {
        try (Connection c = open(); StatementCache cache = new StatementCache(c)) {
            PreparedStatement first = cache.get(INSERT);
            first.setInt(1, 1);
            first.setString(2, "one");
            first.executeUpdate();
            PreparedStatement again = cache.get(INSERT);
            assertThat(again).isSameAs(first);
            again.setInt(1, 2);
            again.executeUpdate(); // v was cleared, so it is NULL now, not "one"
            assertThat(value(cache, 1)).isEqualTo("one");
            assertThat(value(cache, 2)).isNull();
            assertThat(value(cache, 1)).as("a query runs again after its result set was closed").isEqualTo("one");
        }
    }

    @Test
    void aDiscardedStatementIsPreparedAfreshAndCloseClosesAll() throws SQLException {
        try (Connection c = open()) {
            StatementCache cache = new StatementCache(c);
            PreparedStatement insert = cache.get(INSERT);
            insert.setInt(1, 1);
            insert.setString(2, "one");
            insert.executeUpdate();
            try {
                insert.executeUpdate(); // the same id again: a constraint failure
            } catch (SQLException expected) {
                cache.discard(INSERT);
            }
            assertThat(insert.isClosed()).isTrue();
            PreparedStatement fresh = cache.get(INSERT);
            assertThat(fresh).isNotSameAs(insert);
            fresh.setInt(1, 2);
            fresh.setString(2, "two");
            assertThat(fresh.executeUpdate()).isEqualTo(1);

            PreparedStatement select = cache.get(SELECT);
            cache.close();
            assertThat(fresh.isClosed()).isTrue();
            assertThat(select.isClosed()).isTrue();
            assertThat(value(cache, 2)).as("usable again after close").isEqualTo("two");
            cache.close();
        }
    }

    private Connection open() throws SQLException {
        Connection c = SqliteFiles.open(dir.resolve("cache.db"), SqliteFiles.walConfig(1000));
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT)");
        }
        return c;
    }

    private static String value(StatementCache cache, int id) throws SQLException {
        PreparedStatement select = cache.get(SELECT);
        select.setInt(1, id);
        try (ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getString(1) : "absent";
        }
    }
}
