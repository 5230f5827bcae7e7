package com.verivus.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real SQLite file: writes stay in the WAL (the connection's own threshold is far away), and once they
 * pause the background checkpoint copies them into the database file, with no further write, no close.
 */
class WalCheckpointsTest {

    @TempDir
    Path dir;

    @Test
    void writesReachTheDatabaseFileOnceTheyPause() throws Exception {
        Path file = dir.resolve("logs.db");
        ReentrantLock lock = new ReentrantLock();
        try (Connection c = SqliteFiles.open(file, SqliteFiles.walConfig(5000))) {
            WalCheckpoints checkpoints = new WalCheckpoints(() -> {
                lock.lock();
                try {
                    WalCheckpoints.passive(c, "test");
                } finally {
                    lock.unlock();
                }
            });
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)");
                try (ResultSet rs = s.executeQuery("PRAGMA wal_autocheckpoint")) {
                    assertThat(rs.getInt(1)).isEqualTo(SqliteFiles.AUTOCHECKPOINT_PAGES);
                }
            }
            long before = Files.size(file);
            String body = "x".repeat(8000);
            lock.lock();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (body) VALUES (?)")) {
                for (int i = 0; i < 200; i++) { // ~400 pages: under SQLite's default threshold of 1,000 too
                    ps.setString(1, body);
                    ps.executeUpdate();
                    checkpoints.wrote();
                }
            } finally {
                lock.unlock();
            }
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (Files.size(file) < before + 200 * 8000 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(Files.size(file)).as("database file after the pause")
                    .isGreaterThanOrEqualTo(before + 200 * 8000);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
                assertThat(rs.getInt(1)).isEqualTo(200);
            }
        }
    }

    @Test
    void aCheckpointOfAClosedConnectionDoesNothing() throws Exception {
        Connection c = SqliteFiles.open(dir.resolve("closed.db"), SqliteFiles.walConfig(5000));
        c.close();
        WalCheckpoints.passive(c, "test"); // no exception, nothing logged above debug
        assertThat(c.isClosed()).isTrue();
    }
}
